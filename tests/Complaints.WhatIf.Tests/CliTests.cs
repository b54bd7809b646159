using System.Text.Json;
using Complaints.Cli;
using Complaints.Commands;
using Complaints.Rules;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.WhatIf.Tests;

/// <summary>dotnet complaints, run in-process against an SQLite file of cases decided under the generic pack.</summary>
public sealed class CliTests : IDisposable
{
    private readonly PackCopies _packs = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-cli-").FullName;

    private string Db => Path.Combine(_folder, "complaints.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        _packs.Dispose();
    }

    /// <summary>Two closed cases under generic in an SQLite file, the second received a day after the first (2026-03-02 and -03).</summary>
    private async Task WriteCasesAsync()
    {
        var time = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePack("generic").UseSqlite($"Data Source={Db}");
        await using var provider = services.BuildServiceProvider();
        var driver = new CaseDriver(provider.GetRequiredService<ComplaintService>());
        await driver.DriveToAsync(A.Complaint().From("Ouyang Xiaoming").BuildIntake(), ComplaintState.Closed);
        time.Advance(TimeSpan.FromDays(1));
        await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Closed);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Draft() => PackCopies.Edit(_packs.CopyOf("generic"), "pack.json", p =>
    {
        p["version"] = "1.1.0-draft";
        p["settings"]!["resolveWorkingDays"] = 2;
    });

    [Fact]
    public async Task What_if_reports_the_changed_decisions_and_exits_1()
    {
        await WriteCasesAsync();

        var (exit, output, error) = await RunAsync("what-if", "--db", Db, "--draft", Draft());

        exit.Should().Be(CliApp.ChangesFound);
        error.Should().BeEmpty();
        output.Should().Contain("What-if replay of draft generic@1.1.0-draft")
            .And.Contain("Cases read: 2; replayed: 2; under other packs: 0")
            .And.Contain("resolve deadline: 3 working days from receipt, warning at 75 % → 2 working days from receipt, warning at 75 %")
            .And.NotContain("Ouyang");
    }

    [Fact]
    public async Task What_if_under_the_pack_the_cases_were_decided_by_exits_0()
    {
        await WriteCasesAsync();

        var (exit, output, _) = await RunAsync("what-if", "--db", Db, "--draft", "generic");

        exit.Should().Be(CliApp.NoChanges);
        output.Should().Contain("No decision would change.");
    }

    [Fact]
    public async Task What_if_takes_a_period_and_a_format()
    {
        await WriteCasesAsync();

        var (exit, output, _) = await RunAsync("what-if", "--db", Db, "--draft", Draft(), "--from", "2026-03-03", "--to", "2026-03-03", "--format", "json");

        exit.Should().Be(CliApp.ChangesFound);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("casesRead").GetInt32().Should().Be(1, "--to names the last day included");
        json.GetProperty("receivedFrom").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero));
        json.GetProperty("receivedTo").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero));
        json.GetProperty("changes").GetArrayLength().Should().Be(1);

        (await RunAsync("what-if", "--db", Db, "--draft", Draft(), "--from", "2026-03-04T00:00:00Z")).Exit.Should().Be(CliApp.NoChanges);
        (await RunAsync("what-if", "--db", Db, "--draft", Draft(), "--format", "markdown")).Output.Should().StartWith("## What-if replay of `generic@1.1.0-draft`");
    }

    [Fact]
    public async Task Diff_lists_the_changes_and_exits_1_or_0()
    {
        var (exit, output, _) = await RunAsync("diff", "generic", Draft());
        exit.Should().Be(CliApp.ChangesFound);
        output.Should().Contain("Pack diff generic@1.0.0 → generic@1.1.0-draft").And.Contain("~ resolveWorkingDays: 3 → 2");

        (await RunAsync("diff", "generic", "generic", "--format", "markdown")).Should().Be((CliApp.NoChanges, "## Pack diff `generic@1.0.0` → `generic@1.0.0`" + Environment.NewLine + Environment.NewLine + "No differences." + Environment.NewLine, ""));
    }

    [Theory]
    [InlineData("bogus", "Unknown command 'bogus'")]
    [InlineData("what-if --db DB", "what-if needs --draft PACK")]
    [InlineData("what-if --draft generic", "--db FILE (SQLite) or --postgres CONNECTION, one of them")]
    [InlineData("what-if --draft generic --db DB --postgres Host=x", "one of them")]
    [InlineData("what-if --draft generic --db DB --format xml", "--format: 'xml' is not one of text, markdown, json")]
    [InlineData("what-if --draft generic --db DB --from yesterday", "--from: 'yesterday' is not a date")]
    [InlineData("what-if --draft generic --postgres Bogus=1;Password=secret", "--postgres: not a valid PostgreSQL connection string")]
    [InlineData("what-if --draft generic --db DB --to 2026-3-31", "--to: '2026-3-31' is not a date (yyyy-MM-dd")]
    [InlineData("what-if --draft generic --db DB --from 03/02/2026", "--from: '03/02/2026' is not a date")]
    [InlineData("what-if --draft generic --db DB --from 2026-03-02T08:00:00", "an ISO 8601 instant with an offset")]
    [InlineData("what-if --draft generic --db DB --from 2026-03-02T08:00Z", "--from: '2026-03-02T08:00Z' is not a date")]
    [InlineData("what-if --draft generic --db DB --from 2026-03-05 --to 2026-03-01", "The period ends")]
    [InlineData("what-if --draft no-such-pack --db DB", "--draft: 'no-such-pack' is neither a folder nor a built-in pack")]
    [InlineData("what-if --draft generic --db DB --verbose", "Unknown option '--verbose'")]
    [InlineData("what-if --draft", "--draft needs a value")]
    [InlineData("diff generic", "diff needs two packs")]
    [InlineData("diff generic hospital food-service", "Unexpected argument 'food-service'")]
    public async Task Bad_arguments_exit_2_with_a_message_saying_what_to_give(string args, string message)
    {
        await WriteCasesAsync();

        var (exit, output, error) = await RunAsync(args.Replace("DB", Db, StringComparison.Ordinal).Split(' '));

        exit.Should().Be(CliApp.BadArguments);
        output.Should().BeEmpty();
        error.Should().Contain(message).And.NotContain("secret", "a connection string's password is never echoed");
    }

    [Fact]
    public async Task A_missing_database_is_an_error_and_is_not_created()
    {
        var missing = Path.Combine(_folder, "nothing-here.db");

        var (exit, _, error) = await RunAsync("what-if", "--db", missing, "--draft", "generic");

        exit.Should().Be(CliApp.BadArguments);
        error.Should().Contain($"--db: there is no file '{missing}'");
        File.Exists(missing).Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-03-02T08:00:00Z", "2026-03-02T08:00:00+00:00")]
    [InlineData("2026-03-02T08:00:00.5Z", "2026-03-02T08:00:00.5000000+00:00")]
    [InlineData("2026-03-02T16:00:00+08:00", "2026-03-02T16:00:00+08:00")]
    [InlineData("2026-03-02", "2026-03-02T00:00:00+00:00")]
    public void Instants_are_strict_iso_8601_with_an_offset(string text, string expected)
    {
        CliApp.Instant(text, "--from", endOfDay: false).Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_file_without_the_complaints_schema_is_an_error_and_is_left_unchanged()
    {
        var unrelated = Path.Combine(_folder, "unrelated.db");
        using (var connection = new SqliteConnection($"Data Source={unrelated}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me');";
            create.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(unrelated);

        var (exit, output, error) = await RunAsync("what-if", "--db", unrelated, "--draft", "generic");

        exit.Should().Be(CliApp.BadArguments);
        output.Should().BeEmpty();
        error.Should().Contain("the database cannot be used").And.Contain("no complaints schema").And.NotContain("   at ");
        (await File.ReadAllBytesAsync(unrelated)).Should().Equal(before, "the tool creates no tables in a file it was pointed at");
    }

    [Fact]
    public async Task A_database_at_an_older_schema_version_is_an_error_and_is_not_upgraded()
    {
        await WriteCasesAsync();
        using (var connection = new SqliteConnection($"Data Source={Db}"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "PRAGMA user_version = 6;";
            downgrade.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();

        var (exit, _, error) = await RunAsync("what-if", "--db", Db, "--draft", "generic");

        exit.Should().Be(CliApp.BadArguments);
        error.Should().Contain("schema version 6").And.Contain($"needs version {SqliteComplaintStore.SchemaVersion}");
        using var check = new SqliteConnection($"Data Source={Db};Mode=ReadOnly");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Convert.ToInt64(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(6);
    }

    [Fact]
    public async Task Cancelling_exits_130()
    {
        await WriteCasesAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["what-if", "--db", Db, "--draft", "generic"], output, error, new CancellationToken(canceled: true));

        exit.Should().Be(CliApp.Cancelled);
        error.ToString().Should().Contain("cancelled");
    }

    [Fact]
    public async Task Other_errors_exit_2_for_input_and_3_for_the_unexpected_without_a_stack_trace()
    {
        static Exception Thrown(Exception e)
        {
            try
            {
                throw e;
            }
            catch (Exception caught)
            {
                return caught;
            }
        }

        foreach (var (exception, exit, message) in new (Exception, int, string)[]
        {
            (Thrown(new IOException("disk on fire")), CliApp.BadArguments, "cannot read the input (IOException: disk on fire)"),
            (Thrown(new UnauthorizedAccessException("no access")), CliApp.BadArguments, "cannot read the input (UnauthorizedAccessException: no access)"),
            (Thrown(new SqliteException("locked", 5)), CliApp.BadArguments, "cannot read the input (SqliteException"),
            (Thrown(new InvalidOperationException("bug")), CliApp.Failed, "unexpected error (System.InvalidOperationException: bug)"),
        })
        {
            using var error = new StringWriter();
            (await CliApp.FailAsync(exception, error)).Should().Be(exit);
            error.ToString().Should().Contain(message).And.NotContain(" at ");
        }
    }

    [Fact]
    public async Task A_draft_that_does_not_load_is_an_error_naming_the_problem()
    {
        var broken = PackCopies.Edit(_packs.CopyOf("generic"), "approval.json", w => PackCopies.Rule(w, "above-handler-limit")["Expression"] = "remedy.Amount >");

        var (exit, _, error) = await RunAsync("diff", "generic", broken);

        exit.Should().Be(CliApp.BadArguments);
        error.Should().Contain("the pack does not load").And.Contain("above-handler-limit");
    }

    [Fact]
    public async Task Help_prints_the_usage_and_no_arguments_is_an_error()
    {
        (await RunAsync("--help")).Should().Match<(int Exit, string Output, string Error)>(r => r.Exit == 0 && r.Output.Contains("Exit codes: 0 no changes") && r.Output.Contains("130 cancelled"));
        (await RunAsync()).Exit.Should().Be(CliApp.BadArguments);
    }
}
