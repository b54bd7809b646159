using System.Globalization;

namespace Complaints.Testing;

/// <summary>
/// Entry points for builders and ready-made test values: <c>A.Complaint()</c>, <c>A.Remedy(…)</c>, and people
/// who hold the default roles of the workflow's permissions (<c>A.Coordinator()</c>, <c>A.Handler()</c> …).
/// </summary>
public static class A
{
    /// <summary>Starts a complaint; see <see cref="ComplaintBuilder"/> for the defaults.</summary>
    /// <returns>A builder.</returns>
    public static ComplaintBuilder Complaint() => new();

    /// <summary>A proposed remedy with a description made from its kind and amount.</summary>
    /// <param name="kind">The kind of remedy.</param>
    /// <param name="amount">The money involved, if any; drives the approval level.</param>
    /// <param name="currency">The ISO 4217 currency code.</param>
    /// <param name="description">What will be done; described from the kind and amount if not given.</param>
    /// <returns>The remedy.</returns>
    public static RemedyProposal Remedy(RemedyKind kind, decimal? amount = null, string currency = "CNY", string? description = null)
    {
        var money = amount is { } a ? new Money(a, currency) : null;
        return new RemedyProposal(kind, description ?? (money is null ? kind.ToString() : string.Create(CultureInfo.InvariantCulture, $"{kind} of {money}")), money);
    }

    /// <summary>A plain member of staff at the front desk, who may receive complaints: <c>desk</c>.</summary>
    /// <returns>The person.</returns>
    public static Actor Receiver() => new ActorBuilder("desk").Named("Desk clerk").InDepartment("front-desk").Build();

    /// <summary>A customer-service coordinator, who triages, assigns, communicates and closes.</summary>
    /// <param name="id">The person's id.</param>
    /// <param name="department">Their department.</param>
    /// <returns>The person.</returns>
    public static Actor Coordinator(string id = "coordinator", string department = "customer-service") =>
        new ActorBuilder(id).WithRoles(ComplaintRoles.Coordinator).InDepartment(department).Build();

    /// <summary>A complaint handler.</summary>
    /// <param name="id">The person's id.</param>
    /// <param name="department">Their department.</param>
    /// <returns>The person.</returns>
    public static Actor Handler(string id = "handler", string department = "customer-service") =>
        new ActorBuilder(id).WithRoles(ComplaintRoles.Handler).InDepartment(department).Build();

    /// <summary>A department manager, who approves remedies above a handler's authority.</summary>
    /// <param name="id">The person's id.</param>
    /// <param name="department">Their department.</param>
    /// <returns>The person.</returns>
    public static Actor Manager(string id = "manager", string department = "customer-service") =>
        new ActorBuilder(id).WithRoles(ComplaintRoles.Manager).InDepartment(department).Build();

    /// <summary>The general manager, with no department.</summary>
    /// <param name="id">The person's id.</param>
    /// <returns>The person.</returns>
    public static Actor GeneralManager(string id = "general-manager") =>
        new ActorBuilder(id).WithRoles(ComplaintRoles.GeneralManager).Build();
}
