using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow;
using Complaints.Workflow.InMemory;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// Bad input is refused by the service, with the same typed error, before any store sees it; and what is accepted at
/// the edges of <see cref="ComplaintLimits"/> (the longest ids, emoji, line breaks, the largest amount) comes back byte
/// for byte from every store.
/// </summary>
public abstract partial class ComplaintStoreContract
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    /// <summary>Text that does not compress, so PostgreSQL cannot fit a long one in an index entry by compressing it.</summary>
    private static string Incompressible(int length)
    {
        var random = new Random(12);
        return new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
    }

    /// <summary>The intake fields <see cref="Receive_HostileInput_IsRefusedWithTheSameErrorOnEveryStoreAndNothingIsStored"/> fills with hostile text, one per row.</summary>
    /// <returns>The rows.</returns>
    public static TheoryData<string> HostileIntakes() =>
    [
        "nul-in-description", "nul-in-name", "lone-surrogate-in-name", "lone-surrogate-in-description", "control-in-subject",
        "long-department", "long-staff-id", "long-description", "long-attribute",
    ];

    /// <summary>Receive, hostile input: is refused with the same error on every store and nothing is stored.</summary>
    [Theory]
    [MemberData(nameof(HostileIntakes))]
    public async Task Receive_HostileInput_IsRefusedWithTheSameErrorOnEveryStoreAndNothingIsStored(string what)
    {
        var h = await NewHarness();
        var intake = A.Complaint().BuildIntake();
        var (field, bad) = what switch
        {
            "nul-in-description" => ("Intake.Description", intake with { Description = "Broken\0 on arrival, please refund." }),
            "nul-in-name" => ("Intake.Complainant.Name", intake with { Complainant = intake.Complainant with { Name = "Liu\0" } }),
            "lone-surrogate-in-name" => ("Intake.Complainant.Name", intake with { Complainant = intake.Complainant with { Name = "Liu \ud83d" } }),
            "lone-surrogate-in-description" => ("Intake.Description", intake with { Description = "It broke \ude42 on the first day of use." }),
            "control-in-subject" => ("Intake.Subject.Name", intake with { Subject = intake.Subject with { Name = "Delivery\u001b" } }),
            "long-department" => ("Intake.Subject.Department", intake with { Subject = intake.Subject with { Department = new DepartmentId(Incompressible(8_000)) } }),
            "long-staff-id" => ("Intake.Subject.StaffId", intake with { Subject = intake.Subject with { StaffId = new ActorId(Repeat("x", 5_000)) } }),
            "long-description" => ("Intake.Description", intake with { Description = Repeat("很", ComplaintLimits.TextLength + 1) }),
            _ => ("Intake.Attributes[plate]", intake with { Attributes = new Dictionary<string, string> { ["plate"] = Repeat("A", 100_000) } }),
        };

        var act = () => h.Service.ReceiveAsync(A.Receiver(), bad);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
        (await h.Store.QueryAsync(new ComplaintQuery())).Should().BeEmpty();
    }

    /// <summary>Receive, receiver with an over long id: is refused on every store.</summary>
    [Fact]
    public async Task Receive_ReceiverWithAnOverLongId_IsRefusedOnEveryStore()
    {
        var h = await NewHarness();
        var receiver = A.Receiver() with { Id = new ActorId(Incompressible(8_000)) };

        var act = () => h.Service.ReceiveAsync(receiver, A.Complaint().BuildIntake());

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Actor.Id");
        (await h.Store.QueryAsync(new ComplaintQuery())).Should().BeEmpty();
    }

    /// <summary>Command, reason with NUL or lone surrogate: is refused on every store and changes nothing.</summary>
    [Fact]
    public async Task Command_ReasonWithNulOrLoneSurrogate_IsRefusedOnEveryStoreAndChangesNothing()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Investigating);
        var before = StoreHarness.Json(await h.StoredAsync(id));
        var journal = (await h.JournalAsync(id)).Select(StoreHarness.Json).ToArray();

        var nul = () => h.Service.ExecuteAsync(id, StoreHarness.Coordinator, new Escalate("Asked\0 for it."));
        var surrogate = () => h.Service.ExecuteAsync(id, StoreHarness.Coordinator, new Escalate("Asked \ud800 for it."));
        var huge = () => h.Service.ExecuteAsync(id, StoreHarness.Coordinator, new Escalate(Repeat("x", 1_000_000)));

        (await nul.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Reason");
        (await surrogate.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Reason");
        (await huge.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Reason");
        StoreHarness.Json(await h.StoredAsync(id)).Should().Be(before);
        (await h.JournalAsync(id)).Select(StoreHarness.Json).Should().Equal(journal);
    }

    /// <summary>Case, at the edges of the limits: round trips byte for byte on every store.</summary>
    [Fact]
    public async Task Case_AtTheEdgesOfTheLimits_RoundTripsByteForByteOnEveryStore()
    {
        var h = await NewHarness();
        var longId = Repeat("漢", ComplaintLimits.IdLength);
        var department = "after-sales";
        var handler = An.Actor(Repeat("🙂", ComplaintLimits.IdLength / 2)).Named(Repeat("名", ComplaintLimits.NameLength)).WithRoles(ComplaintRoles.Handler, Repeat("r", ComplaintLimits.IdLength)).InDepartment(department).Build();
        var intake = A.Complaint().Described("Line one\r\nline two\n\tindented 🙂 配送晚了三天 \"quoted\" \\ end.").Claiming(ComplaintLimits.MaxAmount).BuildIntake() with
        {
            Complainant = new Complainant(Repeat("刘", ComplaintLimits.NameLength), new ContactDetails("+86 138", "liu@example.cn", "Room 1\nBuilding 2\tEast"), longId),
            Subject = new ComplaintSubject(SubjectKind.Product, "Brake pads 🙂", new DepartmentId(longId), new ActorId(longId), Repeat("R", ComplaintLimits.ReferenceLength)),
            Category = longId,
            Attributes = new Dictionary<string, string> { [longId] = Repeat("值", ComplaintLimits.ShortTextLength) },
        };
        var received = await h.Service.ReceiveAsync(A.Receiver() with { Id = new ActorId(longId) }, intake);
        var id = received.Complaint.Id;

        await h.DriveOnAsync(id, ComplaintState.Investigating, handler);
        await h.DoAsync(id, handler, new AddEvidence(new EvidenceReference(Repeat("e", ComplaintLimits.ReferenceLength), "Photo\r\nof the box")));
        var last = await h.Service.ExecuteAsync(id, StoreHarness.Coordinator, new Escalate(Repeat("理", ComplaintLimits.ReasonLength)));

        var stored = await h.StoredAsync(id);
        StoreHarness.Json(stored).Should().Be(StoreHarness.Json(last.Complaint));
        StoreHarness.Json(stored).Should().Be(StoreHarness.Json(ComplaintReplay.Replay(await h.JournalAsync(id))));
        stored.Intake.Should().BeEquivalentTo(intake with { Evidence = [] });
        (await h.Store.QueryAsync(new ComplaintQuery { Assignee = handler.Id, Categories = [stored.Category!] })).Select(c => c.Id).Should().Equal(id);
    }

    /// <summary>Query, thirty two thousand categories: is refused with the same error on every store.</summary>
    [Fact]
    public async Task Query_ThirtyTwoThousandCategories_IsRefusedWithTheSameErrorOnEveryStore()
    {
        var h = await NewHarness();
        await h.ReceiveAsync();
        var query = new ComplaintQuery { Categories = Enumerable.Range(0, 32_768).Select(i => $"category-{i}").ToArray() };

        var act = () => h.Service.QueryAsync(StoreHarness.Coordinator, query);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Query.Categories");
    }

    /// <summary>Query, NUL in a role or over long department: is refused with the same error on every store.</summary>
    [Fact]
    public async Task Query_NulInARoleOrOverLongDepartment_IsRefusedWithTheSameErrorOnEveryStore()
    {
        var h = await NewHarness();
        await h.ReceiveAsync();

        var nul = () => h.Service.QueryAsync(StoreHarness.Coordinator, new ComplaintQuery { AwaitingApprovalByRole = "manager\0" });
        var longDepartment = () => h.Service.QueryAsync(StoreHarness.Coordinator, new ComplaintQuery { Department = new DepartmentId(Repeat("d", 10_000)) });

        (await nul.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Query.AwaitingApprovalByRole");
        (await longDepartment.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Query.Department");
    }

    /// <summary>Record findings, recovered value of decimal max value: is refused so the report can still be closed.</summary>
    [Fact]
    public async Task RecordFindings_RecoveredValueOfDecimalMaxValue_IsRefusedSoTheReportCanStillBeClosed()
    {
        var h = await NewHarness();
        var id = await h.ReceiveAsync(A.Complaint().OfKind(ComplaintKind.Report).Described("The cashier takes cash without issuing receipts every evening."));
        await h.DriveOnAsync(id, ComplaintState.Investigating);
        var overflowing = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Confirmed.", Recovered: new Money(decimal.MaxValue, "CNY"));

        var act = () => h.Service.ExecuteAsync(id, StoreHarness.Handler, new RecordFindings(overflowing));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Findings.Recovered.Amount");
        await h.DoAsync(id, StoreHarness.Handler, new RecordFindings(overflowing with { Recovered = new Money(ComplaintLimits.MaxAmount, "CNY") }));
        await h.DriveOnAsync(id, ComplaintState.Closed);
        var closed = (await h.JournalAsync(id)).Select(e => e.Event).OfType<ComplaintClosed>().Single();
        closed.Reward!.Max.Should().Be(new Money(ComplaintLimits.MaxAmount * 0.2m, "CNY"));
    }

    /// <summary>Propose remedy, in another currency than the packs: is refused on every store and changes nothing.</summary>
    [Fact]
    public async Task ProposeRemedy_InAnotherCurrencyThanThePacks_IsRefusedOnEveryStoreAndChangesNothing()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Investigating);
        await h.DoAsync(id, StoreHarness.Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "Overcharged.")));
        var before = StoreHarness.Json(await h.StoredAsync(id));

        var act = () => h.Service.ExecuteAsync(id, StoreHarness.Handler, new ProposeRemedy(A.Remedy(RemedyKind.Refund, 400, "USD")));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Remedy.Amount.Currency");
        StoreHarness.Json(await h.StoredAsync(id)).Should().Be(before);
    }

    /// <summary>Receive, random hostile intakes: have the same outcome as on the in memory store.</summary>
    [Fact]
    public async Task Receive_RandomHostileIntakes_HaveTheSameOutcomeAsOnTheInMemoryStore()
    {
        var h = await NewHarness();
        var reference = new StoreHarness(new InMemoryComplaintStore());
        var random = new Random(20261206);
        string?[] pool =
        [
            null, "", " ", "Fine text.", "配送晚了三天 🙂", "line\r\nbreak\ttab", "NUL\0", "\u0001", "\u007f", "\u0085", "\ud83d", "\ude42x", "x\ud83d",
            "\ud83d\ude42", "\uffff\ufffe", Repeat("字", ComplaintLimits.IdLength), Repeat("字", ComplaintLimits.IdLength + 1),
            Repeat("🙂", ComplaintLimits.NameLength / 2), Incompressible(ComplaintLimits.ReferenceLength + 1), Repeat("é", ComplaintLimits.TextLength),
        ];
        string?[] fine = [null, "Fine text for a field.", "配送晚了三天 🙂", "ward-7"];

        // Mostly fine values, so that some cases pass validation and reach the store's columns; now and then any.
        string? Pick() => random.Next(5) == 0 ? pool[random.Next(pool.Length)] : fine[random.Next(fine.Length)];
        var stored = 0;

        for (var i = 0; i < 150; i++)
        {
            var intake = A.Complaint().BuildIntake() with
            {
                Description = Pick() ?? "A description long enough.",
                Category = Pick(),
                Location = Pick(),
                DesiredRemedy = Pick(),
                Complainant = new Complainant(Pick(), new ContactDetails(Pick(), Pick(), Pick()), Pick()),
                Subject = new ComplaintSubject(SubjectKind.Service, Pick() ?? "Delivery", Pick() is { } d ? new DepartmentId(d) : null, Reference: Pick()),
                Attributes = Pick() is { } key ? new Dictionary<string, string> { [key] = Pick() ?? "" } : null,
            };

            var receiver = A.Receiver() with { Id = new ActorId(Pick() ?? "desk") };

            var outcome = await Outcome(h, receiver, intake);
            var expected = await Outcome(reference, receiver, intake);

            outcome.Should().Be(expected, "intake {0} must be refused, or stored and found, alike on every store", i);
            stored += expected.StartsWith("stored", StringComparison.Ordinal) ? 1 : 0;
        }

        stored.Should().BeInRange(20, 130, "the intakes should be a mix of stored and refused");

        // The case as stored after triage (the category and department are columns a store indexes), and what a query
        // on those columns finds; the id, random, is left out.
        static async Task<string> Outcome(StoreHarness harness, Actor receiver, ComplaintIntake intake)
        {
            try
            {
                var id = (await harness.Service.ReceiveAsync(receiver, intake)).Complaint.Id;
                await harness.DoAsync(id, StoreHarness.Coordinator, new Triage());
                var stored = await harness.StoredAsync(id);
                var found = await harness.Store.QueryAsync(new ComplaintQuery
                {
                    Categories = stored.Category is { } category ? [category] : null,
                    Department = stored.Department,
                    VisibleTo = new CaseVisibility(receiver.Id, null, []),
                });
                return $"stored, found {found.Count}: " + StoreHarness.Json(stored with { Id = default, StatusKey = stored.StatusKey is null ? null : "(random)" });
            }
            catch (ComplaintValidationException e)
            {
                return "refused " + string.Join(", ", e.Errors.Select(x => x.Field));
            }
        }
    }
}
