using System.Globalization;
using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using CsCheck;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Properties;

/// <summary>
/// Random commands with random, hostile inputs (over-long text, NUL and other control characters, lone surrogates,
/// nulls where the types say never, huge and odd amounts, undefined enum values, odd actors) thrown at the service on
/// cases in every part of the lifecycle: only <see cref="ComplaintException"/> subtypes escape, so a host maps one base
/// type to a response, and a refused command leaves the stored case and its journal byte for byte as they were.
/// Reproduce a failure with <c>CsCheck_Seed=&lt;seed&gt; dotnet test</c>.
/// </summary>
public sealed class HostileInputPropertyTests
{
    private static readonly ComplaintState[] Targets =
        [ComplaintState.Received, ComplaintState.Investigating, ComplaintState.AwaitingApproval, ComplaintState.FollowUp, ComplaintState.Closed];

    [Fact]
    public async Task RandomHostileCommands_OnlyComplaintExceptionsEscape_AndARefusalChangesNothing()
    {
        var refused = 0;
        var accepted = 0;
        await HostileGen.Runs.SampleAsync(
            async run =>
            {
                var h = new Harness();
                var id = await h.DriveTo(Targets[run.Target]);
                foreach (var step in run.Steps)
                {
                    h.Time.Advance(TimeSpan.FromHours(step.AdvanceHours));
                    var before = await Snapshot(h, id);
                    var error = await Catch(() => h.Service.ExecuteAsync(id, step.Actor, step.Command!));
                    if (error is null)
                    {
                        Storable.Check(step.Command, step.Actor);
                        accepted++;
                        continue;
                    }

                    error.Should().BeAssignableTo<ComplaintException>($"{HostileGen.Describe(step.Command)} by {HostileGen.Describe(step.Actor)} threw {error}");
                    (await Snapshot(h, id)).Should().Be(before, $"the refused {HostileGen.Describe(step.Command)} must change nothing");
                    refused++;
                }
            },
            iter: Iterations(150),
            print: HostileGen.Print);

        refused.Should().BeGreaterThan(0);
        accepted.Should().BeGreaterThan(0, "some hostile-looking input is still valid and must be accepted");
    }

    [Fact]
    public async Task RandomHostileIntakesAndQueries_OnlyComplaintExceptionsEscape_AndARefusalStoresNothing()
    {
        await Gen.Select(HostileGen.Intakes, HostileGen.Actors, HostileGen.Queries).SampleAsync(
            async (intake, actor, query) =>
            {
                var h = new Harness();
                if (await Catch(() => h.Service.ReceiveAsync(actor, intake!)) is { } refused)
                {
                    refused.Should().BeAssignableTo<ComplaintException>($"receiving {HostileGen.Describe(intake)} from {HostileGen.Describe(actor)} threw {refused}");
                    h.Store.Count.Should().Be(0);
                }
                else
                {
                    h.Store.Count.Should().Be(1);
                    Storable.Check(intake, actor);
                }

                if (await Catch(() => h.Service.QueryAsync(actor, query!)) is { } error)
                {
                    error.Should().BeAssignableTo<ComplaintException>($"the query threw {error}");
                }
                else
                {
                    Storable.Check(query, actor);
                }
            },
            iter: Iterations(400),
            print: t => $"{HostileGen.Describe(t.Item1)} by {HostileGen.Describe(t.Item2)}");
    }

    private static async Task<Exception?> Catch(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task<string> Snapshot(Harness h, ComplaintId id) =>
        Harness.Json(await h.Stored(id)) + "\n" + string.Join("\n", (await h.Journal(id)).Select(Harness.Json));

    private static long Iterations(long fixedCount) =>
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), CultureInfo.InvariantCulture, out var iter) ? iter : fixedCount;
}

/// <summary>
/// What every store takes as it is: text without control characters (but line breaks and tabs) that is valid UTF-16
/// and within the longest limit, lists within the largest count, amounts within <see cref="ComplaintLimits.MaxAmount"/>.
/// Whatever the service accepts must pass.
/// </summary>
internal static class Storable
{
    public static void Check(params object?[] inputs)
    {
        foreach (var input in inputs)
        {
            Walk(input, input?.GetType().Name ?? "null", 0);
        }
    }

    private static void Walk(object? value, string path, int depth)
    {
        switch (value)
        {
            case null or Enum or bool or int or long or DateTimeOffset or TimeSpan or Guid:
                return;
            case string s:
                s.Length.Should().BeLessThanOrEqualTo(ComplaintLimits.TextLength, path);
                for (var i = 0; i < s.Length; i++)
                {
                    var ch = s[i];
                    (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')).Should().BeFalse($"{path} was accepted with control character U+{(int)ch:X4}");
                    if (char.IsHighSurrogate(ch) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    char.IsSurrogate(ch).Should().BeFalse($"{path} was accepted with a lone surrogate U+{(int)ch:X4}");
                }

                return;
            case decimal d:
                Math.Abs(d).Should().BeLessThanOrEqualTo(ComplaintLimits.MaxAmount, path);
                return;
            case ActorId a:
                Walk(a.Value, path + ".Id", depth + 1);
                return;
            case DepartmentId d:
                Walk(d.Value, path + ".Department", depth + 1);
                return;
            case System.Collections.IDictionary map:
                map.Count.Should().BeLessThanOrEqualTo(ComplaintLimits.ListCount, path);
                foreach (System.Collections.DictionaryEntry e in map)
                {
                    Walk(e.Key, path + ".Key", depth + 1);
                    Walk(e.Value, path + ".Value", depth + 1);
                }

                return;
            case System.Collections.IEnumerable items:
                var n = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{n++}]", depth + 1);
                }

                n.Should().BeLessThanOrEqualTo(ComplaintLimits.ListCount, path);
                return;
        }

        if (depth > 6)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name is not ("EqualityContract" or "HasAny" or "IsAnonymous" or "OpenStates"))
            {
                Walk(property.GetValue(value), $"{path}.{property.Name}", depth + 1);
            }
        }
    }
}

/// <summary>One hostile command and who issues it.</summary>
internal sealed record HostileStep(ComplaintCommand? Command, Actor Actor, int AdvanceHours);

/// <summary>A case driven to <see cref="Target"/> (an index), then the steps.</summary>
internal sealed record HostileRun(int Target, HostileStep[] Steps);

/// <summary>Generators of hostile inputs.</summary>
internal static class HostileGen
{
    private static readonly string[] Odd =
    [
        "",
        " ",
        "\t\n",
        "NUL\0inside",
        "\0",
        "bell\u0007",
        "escape \u001b[2J",
        "DEL\u007f",
        "C1\u0085",
        "lone high \ud83d",
        "\ude42 lone low",
        "emoji 🙂 pair",
        "line\r\nbreak",
        "配送晚了三天",
        new string('x', ComplaintLimits.IdLength),
        new string('x', ComplaintLimits.IdLength + 1),
        new string('x', ComplaintLimits.NameLength + 1),
        new string('x', ComplaintLimits.ReasonLength + 1),
        new string('é', ComplaintLimits.TextLength + 1),
        new string('\ud83d', 3),
    ];

    /// <summary>Mostly fine text, often one of the odd ones, sometimes random characters from the whole UTF-16 range, sometimes null.</summary>
    public static readonly Gen<string?> Text = Gen.Frequency(
        (4, Gen.OneOfConst<string?>("The customer called back.", "Refund the difference.", "manager", "handler", "CNY")),
        (4, Gen.Int[0, Odd.Length - 1].Select(i => (string?)Odd[i])),
        (2, Gen.Char.Array[0, 12].Select(a => (string?)new string(a))),
        (1, Gen.Const((string?)null)));

    public static readonly Gen<Money?> Amounts = Gen.Frequency(
        (3, Gen.Const((Money?)null)),
        (6, Gen.Select(
            Gen.OneOfConst(0m, 80m, 5_000m, -1m, decimal.MaxValue, decimal.MinValue, ComplaintLimits.MaxAmount, ComplaintLimits.MaxAmount + 0.01m, 0.0000000000000000000000000001m, 79_228_162_514_264_337_593_543_950.335m),
            Gen.OneOfConst<string?>("CNY", "CNY", "USD", "cny", "", null, "C\0Y"),
            (a, c) => (Money?)new Money(a, c!))));

    public static readonly Gen<Actor> Actors = Gen.Frequency(
        (6, Gen.Int[0, All.Length - 1].Select(i => All[i])),
        (1, Gen.Const(Actor.System)),
        (3, Gen.Select(Gen.Int[0, All.Length - 1], Text, Text, Text, Gen.Int[0, 4], (i, id, name, role, what) => what switch
        {
            0 => All[i] with { Id = new ActorId(id!) },
            1 => All[i] with { Name = name! },
            2 => All[i] with { Roles = [.. All[i].Roles, role!] },
            3 => All[i] with { Department = new DepartmentId(id!) },
            _ => All[i] with { Roles = null! },
        })));

    private static readonly Gen<Actor?> Handlers = Gen.Frequency((8, Actors.Select(a => (Actor?)a)), (1, Gen.Const((Actor?)null)));

    public static readonly Gen<ComplaintCommand?> Commands = Gen.Select(
        Gen.Int[0, 31],
        Gen.Select(Text, Text, Text),
        Amounts,
        Handlers,
        Gen.Int[-1, 8],
        Gen.Int[-40, 80],
        BuildCommand);

    private static ComplaintCommand? BuildCommand(int kind, (string?, string?, string?) texts, Money? amount, Actor? handler, int e, int days)
    {
        var (a, b, c) = texts;
        var remedy = e == -1 ? null! : new RemedyProposal((RemedyKind)e, a!, amount);
        return kind switch
        {
            0 => new ConfirmReadBack((ReadBackMethod)e),
            1 => new Triage(),
            2 => new Reject(a!),
            3 => new Redirect(a!, b!),
            4 => new ResolveOnSpot(remedy),
            5 => new Assign(handler!),
            6 => new Reassign(handler!, a!),
            7 => new Recuse(a!),
            8 => new StartInvestigation(),
            9 => new AddEvidence(e == -1 ? null! : new EvidenceReference(a!, b)),
            10 => new HearAccused(a!),
            11 => new RecordFindings(e == -1 ? null! : new Findings((FindingOutcome)(e % 4), (RootCause)e, a!, amount, amount is null ? null : amount with { Amount = -amount.Amount })),
            12 => new RecordEmergencyMeeting(e == -1 ? null! : [.. Enumerable.Repeat(b!, e)], a!),
            13 => new ProposeRemedy(remedy),
            14 => new Approve(a),
            15 => new DeclineApproval(a!),
            16 => new CommunicateDecision((Channel)e, a!),
            17 => new RecordCustomerAcceptance(a),
            18 => new RecordCustomerRejection(a!),
            19 => new Escalate(a!),
            20 => new CompleteImplementation(a!),
            21 => new RecordFollowUp((Satisfaction)e, a),
            22 => new Close(a!),
            23 => new Reopen(a!),
            24 => new RecordDeadlineWarning((DeadlineKind)e),
            25 => new RecordDeadlineBreach((DeadlineKind)e),
            26 => new ExtendDeadline((DeadlineKind)e, e == 0 ? DateTimeOffset.MaxValue : Harness.Start.AddDays(days), a!),
            27 => new AssessAccountability(handler!, c!),
            28 => new Withdraw(a!),
            29 => new UnknownCommand(),
            30 => null,
            _ => new ProposeRemedy(new RemedyProposal(RemedyKind.Compensation, "Pay", amount)),
        };
    }

    public static readonly Gen<HostileStep> Steps = Gen.Select(Commands, Actors, Gen.Int[0, 30 * 24], (c, a, h) => new HostileStep(c, a, h));

    public static readonly Gen<HostileRun> Runs = Gen.Select(Gen.Int[0, 4], Steps.Array[1, 12], (t, s) => new HostileRun(t, s));

    public static readonly Gen<ComplaintIntake?> Intakes = Gen.Select(
        Gen.Select(Text, Text, Text, Text),
        Gen.Select(Text, Text, Text),
        Amounts,
        Gen.Int[-1, 12],
        Gen.Int[0, 120],
        (t1, t2, amount, e, count) =>
        {
            if (e == -1 && count < 10)
            {
                return null;
            }

            var (a, b, c, d) = t1;
            var (f, g, k) = t2;
            var complainant = e == 0 ? null! : new Complainant(a, e == 1 ? null! : new ContactDetails(b, c, d), f, e == 2 ? new ActorId(g!) : null);
            var subject = e == 3 ? null! : new ComplaintSubject((SubjectKind)(e % 6), b!, e == 4 ? new DepartmentId(c!) : null, e == 5 ? new ActorId(d!) : null, k);
            return new ComplaintIntake(
                (ComplaintKind)(e % 4),
                (Channel)e,
                complainant,
                subject,
                d!,
                Category: g,
                OccurredAt: e == 6 ? DateTimeOffset.MaxValue : e == 7 ? DateTimeOffset.MinValue : null,
                Location: k,
                DesiredRemedy: f,
                ClaimedAmount: amount,
                Evidence: e == 8 ? [.. Enumerable.Repeat(new EvidenceReference(a!, b), count)] : e == 9 ? [null!] : null,
                Flags: (ComplaintFlags)(count * 3),
                Attributes: e == 10 ? Enumerable.Range(0, count).ToDictionary(i => i == 0 ? a ?? "" : $"k{i}", _ => b!) : null);
        });

    public static readonly Gen<ComplaintQuery?> Queries = Gen.Select(Text, Gen.Int[0, 40_000], Gen.Int[0, 6], (t, n, what) => what switch
    {
        0 => null,
        1 => new ComplaintQuery { Categories = [.. Enumerable.Range(0, n).Select(i => t + i.ToString(CultureInfo.InvariantCulture))] },
        2 => new ComplaintQuery { AwaitingApprovalByRole = t, Take = n % 2000, Skip = 1000 - n },
        3 => new ComplaintQuery { Assignee = new ActorId(t!), Department = new DepartmentId(t!) },
        4 => new ComplaintQuery { States = [.. Enumerable.Repeat((ComplaintState)(n % 30), n % 300)] },
        5 => new ComplaintQuery { Severities = [.. Enumerable.Repeat((Severity)(n % 6), n % 300)], Categories = [t!] },
        _ => new ComplaintQuery { DueBefore = DateTimeOffset.MinValue, ReceivedFrom = DateTimeOffset.MaxValue, ReceivedTo = DateTimeOffset.MinValue },
    });

    public static string Print(HostileRun run) =>
        $"to {run.Target}: " + string.Join("; ", run.Steps.Select(s => $"+{s.AdvanceHours}h {Describe(s.Command)} by {Describe(s.Actor)}"));

    /// <summary>A short rendering: long strings are cut, control characters and surrogates shown as escapes.</summary>
    public static string Describe(object? value) => Escape(value?.ToString() ?? "null");

    private static string Escape(string s)
    {
        var cut = s.Length > 300 ? s[..300] + $"…({s.Length})" : s;
        return string.Concat(cut.Select(ch => char.IsControl(ch) || char.IsSurrogate(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()));
    }

    /// <summary>A command a host might derive, which the workflow does not know.</summary>
    private sealed record UnknownCommand : ComplaintCommand
    {
        public override ComplaintAction Action => ComplaintAction.Escalate;
    }
}
