using Complaints.Improvement;
using Complaints.Workflow.Internal;

namespace Complaints.Workflow.Improvement;

/// <summary>Reads: one action, its journal, queries, and input checks shared by the commands.</summary>
public sealed partial class CorrectiveActionService
{
    /// <summary>Loads an action. Actions name cases by id only, so any member of staff may read them.</summary>
    /// <param name="id">The action.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The action.</returns>
    /// <exception cref="CorrectiveActionNotFoundException">There is no such action.</exception>
    public async Task<CorrectiveAction> GetAsync(CorrectiveActionId id, CancellationToken cancellationToken = default) =>
        await _actions.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new CorrectiveActionNotFoundException(id);

    /// <summary>Reads an action's journal in order: who proposed, approved, noted, completed and verified it, and when.</summary>
    /// <param name="id">The action.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries; empty if there is no such action.</returns>
    public Task<IReadOnlyList<CorrectiveActionJournalEntry>> ReadJournalAsync(CorrectiveActionId id, CancellationToken cancellationToken = default) =>
        _actions.ReadJournalAsync(id, cancellationToken);

    /// <summary>Finds actions (an owner's list, a department's open actions, those overdue, those of a case …).</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, ordered by proposal time, then id.</returns>
    /// <exception cref="ComplaintValidationException">The page is out of range (<c>Skip</c> negative, <c>Take</c> not 1–1000).</exception>
    public Task<IReadOnlyList<CorrectiveAction>> QueryAsync(CorrectiveActionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        new Validation()
            .Check(query.Skip >= 0, "Skip", "must not be negative.")
            .Check(query.Take is > 0 and <= 1000, "Take", "must be between 1 and 1000.")
            .ThrowIfAny();
        return _actions.QueryAsync(query, cancellationToken);
    }

    private static void Validate(Actor actor, ProposeCorrectiveAction command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var v = new Validation().Actor(actor, "Actor")
            .Defined(command.Kind, "Kind")
            .Defined(command.RootCause, "RootCause")
            .Required(command.Title, "Title", "What is to change (the title)")
            .Line(command.Title, ComplaintLimits.NameLength, "Title")
            .RequiredText(command.CauseDescription, ComplaintLimits.TextLength, "CauseDescription", "The cause in words")
            .Id(command.Owner.Value, "Owner")
            .Line(command.Category, ComplaintLimits.IdLength, "Category");
        if (command.Department is { } department)
        {
            v.Id(department.Value, "Department");
        }

        if (command.Cases is null)
        {
            v.Error("Cases", "must be a list (empty for an action from analysis alone).");
        }
        else if (v.Count(command.Cases.Count, ComplaintLimits.ListCount, "Cases"))
        {
            for (var i = 0; i < command.Cases.Count; i++)
            {
                if (command.Cases.Take(i).Contains(command.Cases[i]))
                {
                    v.Error($"Cases[{i}]", "names a case already listed; list each case once.");
                }
            }
        }

        v.ThrowIfAny();
    }

    private async Task<IReadOnlyList<Complaint>> LoadCasesAsync(IReadOnlyList<ComplaintId> ids, CancellationToken cancellationToken)
    {
        var cases = new List<Complaint>(ids.Count);
        var missing = new List<ValidationError>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (await _complaints.LoadAsync(ids[i], cancellationToken).ConfigureAwait(false) is { } complaint)
            {
                cases.Add(complaint);
            }
            else
            {
                missing.Add(new ValidationError($"Cases[{i}]", $"there is no case {ids[i]}; name existing cases by id."));
            }
        }

        return missing.Count > 0 ? throw new ComplaintValidationException(missing) : cases;
    }
}
