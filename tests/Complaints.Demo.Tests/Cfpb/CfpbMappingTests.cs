using Complaints.Demo.Cfpb;

namespace Complaints.Demo.Tests.Cfpb;

public sealed class CfpbMappingTests
{
    [Theory]
    [InlineData("Web", Channel.OnlineForm)]
    [InlineData("Phone", Channel.Phone)]
    [InlineData("Referral", Channel.Letter)]
    [InlineData("Postal mail", Channel.Letter)]
    [InlineData("Email", Channel.Email)]
    [InlineData("Fax", Channel.Letter)]
    public void Channel_SubmittedVia_MapsOntoOurChannels(string via, Channel channel) =>
        CfpbMapping.Channel(via).Should().Be(channel);

    [Theory]
    [InlineData("Closed with explanation", "ClosedWithExplanation", true, RemedyKind.Explanation)]
    [InlineData("Closed with non-monetary relief", "ClosedWithNonMonetaryRelief", true, RemedyKind.CorrectiveAction)]
    [InlineData("Closed with monetary relief", "ClosedWithMonetaryRelief", true, RemedyKind.Compensation)]
    [InlineData("Closed without relief", "ClosedWithoutRelief", true, RemedyKind.Explanation)]
    [InlineData("Closed", "Closed", true, RemedyKind.Explanation)]
    [InlineData("In progress", "InProgress", false, RemedyKind.Explanation)]
    [InlineData("Untimely response", "Other", false, RemedyKind.Explanation)]
    public void Response_CompanyResponse_ClosedOrOpen(string text, string expected, bool closed, RemedyKind remedy)
    {
        var response = Enum.Parse<CfpbResponse>(expected);
        CfpbMapping.Response(text).Should().Be(response);
        CfpbMapping.IsClosed(response).Should().Be(closed);
        CfpbMapping.Remedy(response).Should().Be(remedy);
    }

    [Fact]
    public void Intake_Row_CarriesCompanyProductIssueAndDates()
    {
        var intake = CfpbMapping.Intake(CfpbRows.Row("2023-08-01", "2023-08-03", via: "Postal mail"));

        intake.Channel.Should().Be(Channel.Letter);
        intake.Complainant.IsAnonymous.Should().BeTrue("the export has no names");
        intake.Complainant.Contact.Address.Should().Be("CA 94110");
        intake.Subject.Name.Should().Be("EXAMPLE BANK, N.A.: Credit card or prepaid card / General-purpose credit card or charge card");
        intake.Subject.Reference.Should().Be("CFPB 1000001");
        intake.Category.Should().Be("billing", "a purchase on the statement is a billing matter");
        intake.Description.Should().StartWith("Credit card or prepaid card").And.Contain("Problem with a purchase shown on your statement");
        intake.Attributes.Should().Contain("date-received", "2023-08-01").And.Contain("date-sent-to-company", "2023-08-03")
            .And.Contain("company", "EXAMPLE BANK, N.A.").And.Contain("submitted-via", "Postal mail");
    }

    [Fact]
    public async Task Import_ClosedTimelyRow_ReceivedOnTheSendDateAndClosedWithinTheDeadline()
    {
        var imported = await ImportAsync(CfpbRows.Row("2023-08-01", "2023-08-03", "Closed with non-monetary relief"));

        var c = imported.Case;
        c.State.Should().Be(ComplaintState.Closed);
        c.ReceivedAt.Should().Be(new DateTimeOffset(2023, 8, 3, 12, 0, 0, TimeSpan.Zero), "the company receives it the day the CFPB sends it");
        c.Policy.Id.Should().Be("generic");
        c.Policy.Version.Should().StartWith("1.0.0+custom.", "the 15-day override folder changes the pack");
        var resolve = c.Deadlines.Should().ContainSingle().Which;
        resolve.Kind.Should().Be(DeadlineKind.Resolve);
        resolve.Rule.Should().Be("company-responds-within-15-calendar-days");
        resolve.DueAt.Should().Be(new DateTimeOffset(2023, 8, 19, 0, 0, 0, TimeSpan.Zero), "15 calendar days from the day after receipt, to the end of the 15th");
        resolve.MetAt.Should().BeOnOrBefore(resolve.DueAt);
        c.Remedy!.Kind.Should().Be(RemedyKind.CorrectiveAction);
        c.Remedy.Amount.Should().BeNull("relief amounts are not in the data");
        c.FollowUps.Should().ContainSingle().Which.Satisfaction.Should().Be(Satisfaction.Unreachable);
    }

    [Fact]
    public async Task Import_UntimelyRow_DeadlineMetLate()
    {
        var imported = await ImportAsync(CfpbRows.Row(timely: "No"));

        var resolve = imported.Case.Deadlines.Single();
        imported.Case.State.Should().Be(ComplaintState.Closed);
        resolve.MetAt.Should().BeAfter(resolve.DueAt);
    }

    [Fact]
    public async Task Import_InProgressRow_StaysOpenUnderInvestigation()
    {
        var imported = await ImportAsync(CfpbRows.Row(response: "In progress"));

        imported.Case.State.Should().Be(ComplaintState.Investigating);
        imported.Case.IsFinal.Should().BeFalse();
        imported.Case.Deadlines.Single().MetAt.Should().BeNull();
    }

    [Fact]
    public async Task Import_DisputedRow_BackUnderInvestigation()
    {
        var imported = await ImportAsync(CfpbRows.Row(disputed: "Yes"));

        imported.Case.State.Should().Be(ComplaintState.Investigating);
        imported.Case.CustomerRejections.Should().Be(1);
    }

    [Fact]
    public async Task Import_PhoneRow_ReadBackConfirmedBeforeTriage()
    {
        var imported = await ImportAsync(CfpbRows.Row(via: "Phone"));

        imported.Case.Intake.Channel.Should().Be(Channel.Phone);
        imported.Case.ReadBack.Should().NotBeNull();
        imported.Case.State.Should().Be(ComplaintState.Closed);
    }

    [Fact]
    public async Task Import_RealSample_ClosedAndOpenFollowTheCompanyResponse()
    {
        var rows = CfpbFile.Read(CfpbRows.SamplePath);
        using var console = new TestConsole();

        var imported = await CfpbDemo.ImportAsync(rows, null, console.Console, TestContext.Current.CancellationToken);

        imported.Should().HaveCount(2_067);
        imported.Count(i => i.Case.State == ComplaintState.Closed).Should().Be(1_450, "789 + 627 + 33 + 2 closed, less the one the consumer disputed");
        imported.Count(i => i.Case.State == ComplaintState.Investigating).Should().Be(617, "616 in progress and one disputed");
        imported.Select(i => i.Case.Deadlines.Single()).Count(d => d.MetAt > d.DueAt).Should().Be(1, "one response was not timely");
    }

    private static async Task<ImportedComplaint> ImportAsync(CfpbComplaint row)
    {
        using var console = new TestConsole();
        var imported = await CfpbDemo.ImportAsync([row], null, console.Console, TestContext.Current.CancellationToken);
        return imported.Should().ContainSingle().Subject;
    }
}
