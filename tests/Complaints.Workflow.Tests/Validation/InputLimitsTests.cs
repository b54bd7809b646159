using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Validation;

/// <summary>
/// Every text, list and amount of an input is bounded by <see cref="ComplaintLimits"/>, text is valid UTF-16 without
/// control characters, and a query's lists and text are bounded: beyond that a typed error names the field and nothing
/// is stored.
/// </summary>
public sealed class InputLimitsTests
{
    private static string Long(int length) => new('x', length);

    [Fact]
    public async Task Escalate_ReasonOverItsLimit_IsRefusedNamingReasonAndNothingIsStored()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var before = Harness.Json(await h.Stored(id));
        var journal = (await h.Journal(id)).Count;

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Escalate(Long(ComplaintLimits.ReasonLength + 1)));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ValidationError>(e => e.Field == "Reason" && e.Message.Contains("4000"));
        Harness.Json(await h.Stored(id)).Should().Be(before);
        (await h.Journal(id)).Should().HaveCount(journal);
    }

    [Fact]
    public async Task Escalate_ReasonAtItsLimit_IsAccepted()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var after = await h.Do(id, Coordinator, new Escalate(Long(ComplaintLimits.ReasonLength)));

        after.EscalationLevel.Should().Be(1);
    }

    private static readonly Dictionary<string, (ComplaintCommand Command, string Field)> OverLongCommand = new()
    {
        ["Reject.Reason"] = (new Reject(Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["Redirect.To"] = (new Redirect(Long(ComplaintLimits.NameLength + 1), "Not ours."), "To"),
        ["Recuse.Reason"] = (new Recuse(Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["AddEvidence.Evidence.Reference"] = (new AddEvidence(new EvidenceReference(Long(ComplaintLimits.ReferenceLength + 1))), "Evidence.Reference"),
        ["AddEvidence.Evidence.Description"] = (new AddEvidence(new EvidenceReference("doc://1", Long(ComplaintLimits.ShortTextLength + 1))), "Evidence.Description"),
        ["HearAccused.Statement"] = (new HearAccused(Long(ComplaintLimits.TextLength + 1)), "Statement"),
        ["RecordEmergencyMeeting.Minutes"] = (new RecordEmergencyMeeting(["GM"], Long(ComplaintLimits.TextLength + 1)), "Minutes"),
        ["RecordEmergencyMeeting.Attendees[0]"] = (new RecordEmergencyMeeting([Long(ComplaintLimits.NameLength + 1)], "Hold the batch."), "Attendees[0]"),
        ["RecordEmergencyMeeting.Attendees"] = (new RecordEmergencyMeeting(Enumerable.Repeat("GM", ComplaintLimits.ListCount + 1).ToArray(), "Hold the batch."), "Attendees"),
        ["ProposeRemedy.Remedy.Description"] = (new ProposeRemedy(new RemedyProposal(RemedyKind.Refund, Long(ComplaintLimits.TextLength + 1))), "Remedy.Description"),
        ["Approve.Note"] = (new Approve(Long(ComplaintLimits.ReasonLength + 1)), "Note"),
        ["DeclineApproval.Reason"] = (new DeclineApproval(Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["CommunicateDecision.Message"] = (new CommunicateDecision(Channel.Phone, Long(ComplaintLimits.TextLength + 1)), "Message"),
        ["RecordCustomerAcceptance.Comment"] = (new RecordCustomerAcceptance(Long(ComplaintLimits.ReasonLength + 1)), "Comment"),
        ["RecordCustomerRejection.Reason"] = (new RecordCustomerRejection(Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["CompleteImplementation.Summary"] = (new CompleteImplementation(Long(ComplaintLimits.TextLength + 1)), "Summary"),
        ["RecordFollowUp.Comment"] = (new RecordFollowUp(Satisfaction.Satisfied, Long(ComplaintLimits.ReasonLength + 1)), "Comment"),
        ["Close.Summary"] = (new Close(Long(ComplaintLimits.TextLength + 1)), "Summary"),
        ["Reopen.Reason"] = (new Reopen(Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["Withdraw.Reason"] = (new Withdraw(Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["ExtendDeadline.ReasonGivenToComplainant"] = (new ExtendDeadline(DeadlineKind.Resolve, Harness.Start.AddDays(40), Long(ComplaintLimits.ReasonLength + 1)), "ReasonGivenToComplainant"),
        ["AssessAccountability.Misconduct"] = (new AssessAccountability(Handler, Long(ComplaintLimits.IdLength + 1)), "Misconduct"),
        ["Assign.Handler.Id"] = (new Assign(Handler with { Id = new ActorId(Long(ComplaintLimits.IdLength + 1)) }), "Handler.Id"),
        ["Assign.Handler.Name"] = (new Assign(Handler with { Name = Long(ComplaintLimits.NameLength + 1) }), "Handler.Name"),
        ["Assign.Handler.Department"] = (new Assign(Handler with { Department = new DepartmentId(Long(ComplaintLimits.IdLength + 1)) }), "Handler.Department"),
        ["Assign.Handler.Roles[0]"] = (new Assign(Handler with { Roles = [Long(ComplaintLimits.IdLength + 1)] }), "Handler.Roles[0]"),
        ["Assign.Handler.Roles"] = (new Assign(Handler with { Roles = Enumerable.Repeat("handler", ComplaintLimits.ListCount + 1).ToArray() }), "Handler.Roles"),
        ["Reassign.Reason"] = (new Reassign(Handler, Long(ComplaintLimits.ReasonLength + 1)), "Reason"),
        ["RecordFindings.Findings.Summary"] = (new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, Long(ComplaintLimits.TextLength + 1))), "Findings.Summary"),
    };

    public static TheoryData<string> OverLongCommands() => [.. OverLongCommand.Keys];

    [Theory]
    [MemberData(nameof(OverLongCommands))]
    public async Task Execute_FieldOverItsLimit_NamesTheFieldAndChangesNothing(string name)
    {
        var (command, field) = OverLongCommand[name];
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, command);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Contain(field);
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    public static TheoryData<string> IntakeFields() =>
    [
        "Intake.Description", "Intake.DesiredRemedy", "Intake.Location", "Intake.Category", "Intake.Complainant.Name",
        "Intake.Complainant.CustomerId", "Intake.Complainant.StaffId", "Intake.Complainant.Contact.Phone", "Intake.Complainant.Contact.Email",
        "Intake.Complainant.Contact.Address", "Intake.Subject.Name", "Intake.Subject.Reference", "Intake.Subject.Department",
        "Intake.Subject.StaffId", "Intake.Evidence[0].Reference", "Intake.Evidence[0].Description", "Intake.Evidence",
        "Intake.Attributes", "Intake.Attributes[key]", "Intake.Attributes[plate]",
    ];

    [Theory]
    [MemberData(nameof(IntakeFields))]
    public async Task Receive_FieldOverItsLimit_NamesTheFieldAndStoresNothing(string field)
    {
        var h = new Harness();
        var intake = OverLong(Harness.Intake(), field);

        var act = () => h.Service.ReceiveAsync(Receiver, intake);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Contain(field);
        h.Store.Count.Should().Be(0);
    }

    [Fact]
    public async Task Receive_EveryFieldAtItsLimit_IsAccepted()
    {
        var h = new Harness();
        var intake = Harness.Intake() with
        {
            Description = Long(ComplaintLimits.TextLength),
            DesiredRemedy = Long(ComplaintLimits.TextLength),
            Location = Long(ComplaintLimits.ShortTextLength),
            Category = Long(ComplaintLimits.IdLength),
            Complainant = new Complainant(Long(ComplaintLimits.NameLength), new ContactDetails(Long(ComplaintLimits.ShortTextLength), Long(ComplaintLimits.ShortTextLength), Long(ComplaintLimits.ReasonLength)), Long(ComplaintLimits.IdLength)),
            Evidence = Enumerable.Range(0, ComplaintLimits.ListCount).Select(_ => new EvidenceReference(Long(ComplaintLimits.ReferenceLength), Long(ComplaintLimits.ShortTextLength))).ToArray(),
            Attributes = Enumerable.Range(0, ComplaintLimits.AttributeCount).ToDictionary(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + Long(ComplaintLimits.IdLength - 3), _ => Long(ComplaintLimits.ShortTextLength)),
            ClaimedAmount = new Money(ComplaintLimits.MaxAmount, "CNY"),
        };

        var received = await h.Service.ReceiveAsync(Receiver with { Id = new ActorId(Long(ComplaintLimits.IdLength)), Name = Long(ComplaintLimits.NameLength) }, intake);

        received.Complaint.State.Should().Be(ComplaintState.Received);
    }

    private static ComplaintIntake OverLong(ComplaintIntake intake, string field)
    {
        var id = Long(ComplaintLimits.IdLength + 1);
        var contact = intake.Complainant.Contact;
        return field switch
        {
            "Intake.Description" => intake with { Description = Long(ComplaintLimits.TextLength + 1) },
            "Intake.DesiredRemedy" => intake with { DesiredRemedy = Long(ComplaintLimits.TextLength + 1) },
            "Intake.Location" => intake with { Location = Long(ComplaintLimits.ShortTextLength + 1) },
            "Intake.Category" => intake with { Category = id },
            "Intake.Complainant.Name" => intake with { Complainant = intake.Complainant with { Name = Long(ComplaintLimits.NameLength + 1) } },
            "Intake.Complainant.CustomerId" => intake with { Complainant = intake.Complainant with { CustomerId = id } },
            "Intake.Complainant.StaffId" => intake with { Complainant = intake.Complainant with { StaffId = new ActorId(id) } },
            "Intake.Complainant.Contact.Phone" => intake with { Complainant = intake.Complainant with { Contact = contact with { Phone = Long(ComplaintLimits.ShortTextLength + 1) } } },
            "Intake.Complainant.Contact.Email" => intake with { Complainant = intake.Complainant with { Contact = contact with { Email = Long(ComplaintLimits.ShortTextLength + 1) } } },
            "Intake.Complainant.Contact.Address" => intake with { Complainant = intake.Complainant with { Contact = contact with { Address = Long(ComplaintLimits.ReasonLength + 1) } } },
            "Intake.Subject.Name" => intake with { Subject = intake.Subject with { Name = Long(ComplaintLimits.NameLength + 1) } },
            "Intake.Subject.Reference" => intake with { Subject = intake.Subject with { Reference = Long(ComplaintLimits.ReferenceLength + 1) } },
            "Intake.Subject.Department" => intake with { Subject = intake.Subject with { Department = new DepartmentId(id) } },
            "Intake.Subject.StaffId" => intake with { Subject = intake.Subject with { StaffId = new ActorId(id) } },
            "Intake.Evidence[0].Reference" => intake with { Evidence = [new EvidenceReference(Long(ComplaintLimits.ReferenceLength + 1))] },
            "Intake.Evidence[0].Description" => intake with { Evidence = [new EvidenceReference("doc://1", Long(ComplaintLimits.ShortTextLength + 1))] },
            "Intake.Evidence" => intake with { Evidence = Enumerable.Repeat(new EvidenceReference("doc://1"), ComplaintLimits.ListCount + 1).ToArray() },
            "Intake.Attributes" => intake with { Attributes = Enumerable.Range(0, ComplaintLimits.AttributeCount + 1).ToDictionary(i => $"a{i}", _ => "") },
            "Intake.Attributes[key]" => intake with { Attributes = new Dictionary<string, string> { [id] = "", ["key"] = "\u0001" } },
            "Intake.Attributes[plate]" => intake with { Attributes = new Dictionary<string, string> { ["plate"] = Long(ComplaintLimits.ShortTextLength + 1) } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    // Built in code: an attribute's string cannot carry a lone surrogate (the compiler stores it as UTF-8).
    private static readonly Dictionary<string, string> BadText = new()
    {
        ["nul"] = "NUL \0 inside",
        ["bell"] = "bell \u0007",
        ["escape"] = "escape \u001b[31m",
        ["delete"] = "delete \u007f",
        ["c1-next-line"] = "C1 \u0085 next line",
        ["lone-high-surrogate"] = "lone high \ud83d surrogate",
        ["lone-low-surrogate"] = "lone low \ude42 surrogate",
        ["reversed-pair"] = "reversed pair \ude42\ud83d",
        ["ends-on-a-high-surrogate"] = "ends on a high surrogate \ud83d",
    };

    public static TheoryData<string> BadTexts() => [.. BadText.Keys];

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Receive_ControlCharacterOrLoneSurrogateInDescription_IsRefused(string what)
    {
        var h = new Harness();
        var description = BadText[what];

        var act = () => h.Service.ReceiveAsync(Receiver, Harness.Intake() with { Description = description });

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Field.Should().Be("Intake.Description");
        h.Store.Count.Should().Be(0);
    }

    [Fact]
    public async Task Receive_LineBreaksTabsAndEmojiInFreeText_AreAccepted()
    {
        var h = new Harness();
        var description = "Line one\r\nline two\n\tindented; emoji 🙂 and 配送晚了三天.";

        var received = await h.Service.ReceiveAsync(Receiver, Harness.Intake() with { Description = description });

        received.Complaint.Intake.Description.Should().Be(description);
    }

    [Theory]
    [InlineData("Intake.Complainant.Name")]
    [InlineData("Intake.Subject.Name")]
    [InlineData("Intake.Category")]
    public async Task Receive_LineBreakInASingleLineField_IsRefused(string field)
    {
        var h = new Harness();
        var intake = Harness.Intake();
        intake = field switch
        {
            "Intake.Complainant.Name" => intake with { Complainant = intake.Complainant with { Name = "Liu\nYang" } },
            "Intake.Subject.Name" => intake with { Subject = intake.Subject with { Name = "Wang\r" } },
            _ => intake with { Category = "service\tattitude" },
        };

        var act = () => h.Service.ReceiveAsync(Receiver, intake);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
    }

    [Theory]
    [InlineData("Actor.Id")]
    [InlineData("Actor.Name")]
    [InlineData("Actor.Roles[0]")]
    [InlineData("Actor.Department")]
    public async Task Execute_ActorWithNulOrNullInAField_IsRefusedBeforeAnythingIsLoaded(string field)
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var actor = field switch
        {
            "Actor.Id" => Coordinator with { Id = new ActorId("coord\0") },
            "Actor.Name" => Coordinator with { Name = null! },
            "Actor.Roles[0]" => Coordinator with { Roles = [null!] },
            _ => Coordinator with { Department = new DepartmentId("\0") },
        };

        var act = () => h.Service.ExecuteAsync(id, actor, new Escalate("The customer asked."));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
    }

    [Fact]
    public async Task Execute_CommandTheWorkflowDoesNotKnow_IsAValidationError()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.FollowUp);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new HostCommand());

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Field.Should().Be("Command");
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task RecordFindings_FineOfDecimalMaxValue_IsRefusedNamingTheAmount()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);
        var findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Took a bribe.", Fine: new Money(decimal.MaxValue, "CNY"), Recovered: new Money(ComplaintLimits.MaxAmount + 0.01m, "CNY"));

        var act = () => h.Service.ExecuteAsync(id, Handler, new RecordFindings(findings));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field)
            .Should().BeEquivalentTo("Findings.Fine.Amount", "Findings.Recovered.Amount");
    }

    [Theory]
    [InlineData("Remedy.Amount.Amount")]
    [InlineData("Intake.ClaimedAmount.Amount")]
    public async Task AmountAboveTheMaximum_IsRefusedNamingTheAmount(string field)
    {
        var h = new Harness();
        var tooMuch = new Money(decimal.MaxValue, "CNY");
        Func<Task> act = field == "Remedy.Amount.Amount"
            ? async () => await h.Service.ExecuteAsync(await h.DriveTo(ComplaintState.Investigating), Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Compensation, "Pay", tooMuch)))
            : () => h.Service.ReceiveAsync(Receiver, Harness.Intake() with { ClaimedAmount = tooMuch });

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
    }

    public static TheoryData<string> BadQueries() =>
    [
        "Query.Categories", "Query.Categories[0]", "Query.States", "Query.Severities", "Query.AwaitingApprovalByRole",
        "Query.Assignee", "Query.Department", "Query.Categories[1]",
    ];

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Query_ListOrTextBeyondItsLimit_IsRefusedNamingTheField(string field)
    {
        var h = new Harness();
        await h.Receive();
        var query = field switch
        {
            "Query.Categories" => new ComplaintQuery { Categories = Enumerable.Range(0, 32_000).Select(i => $"c{i}").ToArray() },
            "Query.Categories[0]" => new ComplaintQuery { Categories = [Long(ComplaintLimits.IdLength + 1)] },
            "Query.Categories[1]" => new ComplaintQuery { Categories = ["ok", "bad\0"] },
            "Query.States" => new ComplaintQuery { States = Enumerable.Repeat(ComplaintState.Received, ComplaintLimits.QueryListCount + 1).ToArray() },
            "Query.Severities" => new ComplaintQuery { Severities = Enumerable.Repeat(Severity.Minor, ComplaintLimits.QueryListCount + 1).ToArray() },
            "Query.AwaitingApprovalByRole" => new ComplaintQuery { AwaitingApprovalByRole = "manager\ud800" },
            "Query.Assignee" => new ComplaintQuery { Assignee = new ActorId(Long(ComplaintLimits.IdLength + 1)) },
            _ => new ComplaintQuery { Department = new DepartmentId("sales\0") },
        };

        var act = () => h.Service.QueryAsync(Coordinator, query);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
    }

    [Fact]
    public async Task Query_ListsAtTheirLimit_AreAccepted()
    {
        var h = new Harness();
        await h.Receive();
        var query = new ComplaintQuery
        {
            Categories = Enumerable.Range(0, ComplaintLimits.QueryListCount).Select(i => $"c{i}").ToArray(),
            States = Enumerable.Repeat(ComplaintState.Received, ComplaintLimits.QueryListCount).ToArray(),
        };

        (await h.Service.QueryAsync(Coordinator, query)).Should().BeEmpty();
    }

    /// <summary>A command a host might derive; the workflow does not know how to decide it.</summary>
    private sealed record HostCommand : ComplaintCommand
    {
        public override ComplaintAction Action => ComplaintAction.Close;
    }
}
