using Complaints.Analysis;
using Complaints.Testing;
using Complaints.Storage.PostgreSql.Tests.Support;
using Npgsql;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>
/// The analysis computed in PostgreSQL equals the reference computation over the same cases and journals, on a fresh
/// schema and on one migrated from the previous version with its cases in it.
/// </summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class AnalysisTests : IAsyncDisposable
{
    private const string AnalysisColumnList =
        "channel, closed_ticks, acknowledged_ticks, finding_outcome, root_cause, complainant_key, subject_key, remedy_kind, remedy_amount, remedy_currency, last_satisfaction, reward";

    private readonly TestSchemas _schemas = new();

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Fact]
    public async Task AnalyseAsync_GivesTheReferenceFigures_ForEveryFilterOffsetAndInterval()
    {
        var store = await _schemas.NewStoreAsync();
        var fixture = new AnalysisFixture(seed: 17);
        await fixture.SeedAsync(store, 240);

        foreach (var query in AnalysisFixture.Queries())
        {
            var expected = PeriodAnalysis.Compute(query, fixture.Cases, fixture.Journal);

            var actual = await store.AnalyseAsync(query);

            actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), "the figures of {0}", query);
        }

        // The fixture exercises every figure (so the comparison above compares something).
        var whole = PeriodAnalysis.Compute(AnalysisFixture.Queries().First(), fixture.Cases, fixture.Journal);
        whole.Received.Should().Be(240);
        whole.Recurrence.Should().Match<RecurrenceFigures>(r => r.SameComplainant > 0 && r.SameSubject > r.SameComplainant && r.SameCause > 0);
        whole.Deadlines.Should().OnlyContain(d => d.MetOnTime > 0 && d.MetLate > 0 && d.Missed + d.Pending > 0 && d.Dropped > 0);
        whole.Remedies.SelectMany(r => r.Totals).Select(m => m.Currency).Distinct().Should().HaveCount(2);
        whole.Sanctions.Should().NotBeEmpty();
        whole.Rewards.Should().Match<RewardFigures>(r => r.Decided > r.Eligible && r.Eligible > 0);
        whole.Departments.Should().HaveCount(5).And.Contain(d => d.Department == null && d.Overdue > 0);
        whole.TimeToAcknowledge.Count.Should().BeGreaterThan(10);
        whole.Satisfaction.Surveyed.Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task SchemaAtThePreviousVersion_WithCases_IsMigratedToTheSameColumnsAndTheSameAnalysis()
    {
        var store = await _schemas.NewStoreAsync();
        var fixture = new AnalysisFixture(seed: 6);
        await fixture.SeedAsync(store, 120);
        var columns = await AnalysisRowsAsync(store.Schema);
        var fresh = await Task.WhenAll(AnalysisFixture.Queries().Select(q => store.AnalyseAsync(q)));

        // Back to the previous version, as a node of the previous release left it, its cases in place.
        await _schemas.ScalarAsync(DowngradeToVersion6(store.Schema));
        (await _schemas.ScalarAsync($"SELECT max(version) FROM \"{store.Schema}\".schema_version")).Should().Be(6);
        var upgraded = await _schemas.NewStoreAsync(store.Schema);
        var migrated = await Task.WhenAll(AnalysisFixture.Queries().Select(q => upgraded.AnalyseAsync(q)));

        (await _schemas.ScalarAsync($"SELECT max(version) FROM \"{store.Schema}\".schema_version")).Should().Be(PostgreSqlComplaintStore.SchemaVersion);
        (await AnalysisRowsAsync(store.Schema)).Should().Equal(columns, "the migration fills the columns as the writer does");
        migrated.Should().BeEquivalentTo(fresh, o => o.WithStrictOrdering());
        migrated[0].Received.Should().Be(120);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(10, 5, 9)]
    [InlineData(20, 10, 18)]
    [InlineData(21, 11, 19)]
    public async Task TimeToResolve_IsTheNearestRankMedianAndP90(int cases, int medianHours, int p90Hours)
    {
        var store = await _schemas.NewStoreAsync();
        for (var k = cases; k >= 1; k--)
        {
            var received = AnalysisFixture.Start.AddHours(k);
            var closed = A.Complaint().ReceivedAt(received).InState(ComplaintState.Closed).Build() with { ClosedAt = received.AddHours(k) };
            await store.SaveAsync(new Ports.CaseChange(closed, [new Journal.JournalEntry(closed.Id, 1, received, A.Receiver(), ComplaintState.Received, ComplaintState.Closed, new Journal.ComplaintReceived(closed.Intake, closed.Policy), Guid.NewGuid())], 0));
        }

        var figures = await store.AnalyseAsync(new AnalysisQuery { From = AnalysisFixture.Start, To = AnalysisFixture.Start.AddDays(2), AsOf = AnalysisFixture.Start });

        figures.TimeToResolve.Should().Be(new DurationFigures(cases, TimeSpan.FromHours(medianHours), TimeSpan.FromHours(p90Hours)));
        figures.Departments.Should().ContainSingle().Which.MedianTimeToResolve.Should().Be(TimeSpan.FromHours(medianHours));
    }

    [Fact]
    public async Task ComplainantKeyColumn_HoldsAHash_NeverTheIdentity()
    {
        var store = await _schemas.NewStoreAsync();
        var fixture = new AnalysisFixture(seed: 3);
        await fixture.SeedAsync(store, 40);
        var named = fixture.Cases.First(c => c.Intake.Complainant.Contact.Email is not null);

        var key = await _schemas.ScalarAsync($"SELECT complainant_key FROM \"{store.Schema}\".complaints WHERE id = '{named.Id}'");
        var clear = await _schemas.ScalarAsync(
            $"SELECT count(*) FROM \"{store.Schema}\".complaints WHERE {string.Join(" OR ", AnalysisColumnList.Split(", ").Select(c => $"{c}::text ILIKE '%example.com%' OR {c}::text LIKE '%13800000000%'"))}");

        key.Should().Be(AnalysisKeys.Complainant(named.Intake.Complainant)).And.BeOfType<string>().Which.Should().MatchRegex("^[0-9a-f]{32}$");
        clear.Should().Be(0L, "no analysis column holds an e-mail address or a phone number");
    }

    [Fact]
    public async Task InvalidQuery_IsRefusedNamingTheField()
    {
        var store = await _schemas.NewStoreAsync();
        var query = new AnalysisQuery { From = AnalysisFixture.Start, To = AnalysisFixture.Start, AsOf = AnalysisFixture.Start };

        var analyse = () => store.AnalyseAsync(query);

        (await analyse.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().Contain(e => e.Field == "AnalysisQuery.To");
    }

    /// <summary>The SQL that takes a schema at version 7 back to 6: the analysis step undone.</summary>
    internal static string DowngradeToVersion6(string schema) => $"""
        ALTER TABLE "{schema}".complaints {string.Join(", ", AnalysisColumnList.Split(", ").Select(c => "DROP COLUMN " + c))};
        ALTER TABLE "{schema}".deadlines DROP COLUMN met_ticks;
        DROP INDEX "{schema}".journal_accountability;
        DELETE FROM "{schema}".schema_version WHERE version > 6
        """;

    private async Task<IReadOnlyList<string>> AnalysisRowsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await _schemas.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT ROW(id, {AnalysisColumnList}, (SELECT string_agg(concat(slot, ':', met_ticks), ',' ORDER BY slot) FROM "{schema}".deadlines d WHERE d.complaint_id = c.id))::text
            FROM "{schema}".complaints c ORDER BY id
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
