using Complaints.Demo.Cfpb;

namespace Complaints.Demo.Tests.Cfpb;

public sealed class TimelinessTests
{
    [Theory]
    // timely, sent the same day: the response came within 15 days of the consumer's complaint too.
    [InlineData("2023-08-01", "2023-08-01", "Yes", "Met", "Met")]
    // timely, sent 5 days later: within 15 days of sending, so anywhere from day 5 to day 20 after filing.
    [InlineData("2023-08-01", "2023-08-06", "Yes", "Met", "CannotTell")]
    // timely, sent 15 days later: a response on the day it was sent would still be in time.
    [InlineData("2023-08-01", "2023-08-16", "Yes", "Met", "CannotTell")]
    // sent 16 days later: too late from the consumer's side whatever the company did.
    [InlineData("2023-08-01", "2023-08-17", "Yes", "Met", "Missed")]
    // untimely: more than 15 days after sending, so after filing too.
    [InlineData("2023-08-01", "2023-08-01", "No", "Missed", "Missed")]
    // no flag: nothing to go on unless the sending alone was too late.
    [InlineData("2023-08-01", "2023-08-03", "", "CannotTell", "CannotTell")]
    [InlineData("2023-08-01", "2023-09-01", "", "CannotTell", "Missed")]
    public void FifteenDays_FromEitherStart_OnlyWhatTheDataShows(string received, string sent, string timely, string fromCompany, string fromConsumer)
    {
        var row = CfpbRows.Row(received, sent, timely: timely);

        Timeliness.FromCompanyReceipt(row).Should().Be(Enum.Parse<DeadlineOutcome>(fromCompany));
        Timeliness.FromConsumerComplaint(row).Should().Be(Enum.Parse<DeadlineOutcome>(fromConsumer));
    }

    [Fact]
    public void FifteenDays_RealSample_MatchesTheCfpbFlagAndTheGaps()
    {
        var rows = CfpbFile.Read(CfpbRows.SamplePath);

        rows.Count(r => Timeliness.FromCompanyReceipt(r) == DeadlineOutcome.Met).Should().Be(2_066);
        rows.Count(r => Timeliness.FromCompanyReceipt(r) == DeadlineOutcome.Missed).Should().Be(1);
        rows.Count(r => Timeliness.FromConsumerComplaint(r) == DeadlineOutcome.Met).Should().Be(rows.Count(r => r.DaysToCompany == 0 && r.Timely == true));
        rows.Count(r => Timeliness.FromConsumerComplaint(r) == DeadlineOutcome.Missed).Should().Be(rows.Count(r => r.DaysToCompany > 15 || r.Timely == false));
    }
}
