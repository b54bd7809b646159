using Complaints.Workflow.Lifecycle;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>
/// The command path remembers Stateless's answer per (state, trigger, conditions) instead of asking it again. These
/// tests hold the remembered answers to what a Stateless machine of the same configuration says, asked afresh.
/// </summary>
public sealed class RememberedAnswerTests
{
    private static readonly ComplaintState[] States = Enum.GetValues<ComplaintState>();
    private static readonly Trigger[] Triggers = Enum.GetValues<Trigger>();
    private static readonly LifecycleConditions[] Bits = Enum.GetValues<LifecycleConditions>().Where(c => c != LifecycleConditions.None).ToArray();

    [Fact]
    public void EveryStateAndTrigger_UnderRandomConditions_AnswersAsStatelessDoes()
    {
        // Stateless itself, asked every time.
        var reference = new LifecycleMachine(ComplaintState.Received, LifecycleConditions.None);
        var remembered = new LifecycleMachine(ComplaintState.Received, LifecycleConditions.None);
        var random = new Random(20261130);
        var compared = 0;
        var differences = new List<string>();
        foreach (var state in States)
        {
            foreach (var trigger in Triggers)
            {
                foreach (var conditions in Sample(random, 48))
                {
                    reference.PointAt(state, conditions);
                    var allowed = reference.Machine.CanFire(trigger, out var unmet);
                    var destination = state;
                    if (allowed)
                    {
                        reference.Machine.Fire(trigger);
                        destination = reference.State;
                    }

                    // Twice: the first may ask Stateless and remember, the second must be the remembered answer.
                    for (var round = 1; round <= 2; round++)
                    {
                        remembered.PointAt(state, conditions);
                        var rememberedAllowed = remembered.CanFire(trigger, out var rememberedUnmet);
                        var rememberedDestination = state;
                        if (rememberedAllowed)
                        {
                            rememberedDestination = remembered.Fire(trigger);
                        }
                        else if (Throws(() => remembered.Fire(trigger)) is not InvalidOperationException)
                        {
                            differences.Add($"{state} --{trigger}--> under [{conditions}], round {round}: Fire did not throw");
                        }

                        if (rememberedAllowed != allowed || rememberedDestination != destination || remembered.State != destination
                            || !rememberedUnmet.SequenceEqual(unmet ?? []))
                        {
                            differences.Add(
                                $"{state} --{trigger}--> under [{conditions}], round {round}: remembered {rememberedAllowed} → {rememberedDestination} " +
                                $"[{string.Join("; ", rememberedUnmet)}], Stateless {allowed} → {destination} [{string.Join("; ", unmet ?? [])}]");
                        }
                    }

                    compared++;
                }
            }
        }

        differences.Should().BeEmpty();
        compared.Should().Be(States.Length * Triggers.Length * 48);
    }

    [Fact]
    public void AllowedActions_UnderEveryCombinationOfTheApprovalConditions_MatchStateless()
    {
        // The approval guards are the only ones two triggers of one command share: ApproveStep and ApproveFinal.
        var machine = new LifecycleMachine(ComplaintState.AwaitingApproval, LifecycleConditions.None);
        foreach (var conditions in new[] { LifecycleConditions.None, LifecycleConditions.OneApprovalLeft, LifecycleConditions.SeveralApprovalsLeft })
        {
            machine.PointAt(ComplaintState.AwaitingApproval, conditions);
            var expected = Triggers.Where(t => machine.Machine.CanFire(t)).Select(t => t.ToAction()).Distinct().Order().ToArray();

            machine.AllowedActions().Should().Equal(expected, $"under [{conditions}]");
        }
    }

    private static Exception? Throws(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static IEnumerable<LifecycleConditions> Sample(Random random, int count)
    {
        yield return LifecycleConditions.None;
        yield return Bits.Aggregate(LifecycleConditions.None, (all, bit) => all | bit);
        for (var i = 2; i < count; i++)
        {
            var conditions = LifecycleConditions.None;
            foreach (var bit in Bits)
            {
                if (random.Next(2) == 1)
                {
                    conditions |= bit;
                }
            }

            yield return conditions;
        }
    }
}
