using System.Data.Common;
using System.Globalization;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Storage.PostgreSql;
using Complaints.Storage.Sqlite;
using Complaints.Workflow.WhatIf;
using Microsoft.Data.Sqlite;

namespace Complaints.Cli;

/// <summary>The commands of <c>dotnet complaints</c>; the entry point the program and the tests call.</summary>
internal static class CliApp
{
    /// <summary>The command ran and found nothing: no decision would change, or the packs do not differ.</summary>
    public const int NoChanges = 0;

    /// <summary>The command ran and found changes (or decisions the draft could not make): review the report.</summary>
    public const int ChangesFound = 1;

    /// <summary>Bad arguments or input (an unknown option, a missing database, a pack that does not load), or a store or file that cannot be read.</summary>
    public const int BadArguments = 2;

    /// <summary>An unexpected error (a bug): the exception's type and message go to standard error.</summary>
    public const int Failed = 3;

    /// <summary>Cancelled (Ctrl+C), as a shell reports SIGINT.</summary>
    public const int Cancelled = 130;

    public const string Usage = """
        Usage:
          dotnet complaints what-if --draft PACK (--db FILE | --postgres CONNECTION) [options]
          dotnet complaints diff PACK PACK [--format text|markdown]
          dotnet complaints --help

        what-if: replays the stored cases of a period under a draft pack and reports, per decision point
        (admissibility, severity, routing, deadlines, approval, recusal, escalation, reward, penalty), which
        recorded decisions the draft would decide differently, with the rules behind both sides. Each
        decision is re-asked on the case as it was when it was made. Reads the store directly and changes
        nothing: the SQLite file is opened read-only, and neither store creates or upgrades its schema (a
        database without the complaints schema, or at another schema version, is an error).
          --draft PACK          the draft pack: a folder with pack.json, or a built-in pack id
          --db FILE             the SQLite file the cases are in (e.g. the demo's complaints-demo.db)
          --postgres CONN       or a PostgreSQL connection string
          --pack ID             only cases opened under this pack id (default: the draft's id)
          --from DATE           only cases received on or after DATE: a date yyyy-MM-dd (UTC midnight) or an
                                ISO 8601 instant with an offset (2026-03-02T08:00:00Z, 2026-03-02T16:00:00+08:00)
          --to DATE             only cases received up to and including DATE (an instant: before it)
          --format FORMAT       text (default), markdown or json

        diff: what changed between two versions of a pack: pack.json (settings, roles and limits,
        departments, categories, attributes, lifecycle …) and each decision point's rules (added, removed,
        changed: expression, outputs, enabled, order). A pack is a folder or a built-in pack id.
          --format FORMAT       text (default) or markdown

        Exit codes: 0 no changes (no decision would change / the packs do not differ); 1 changes found
        (or decisions the draft could not make); 2 bad arguments or input, or a database or file that
        cannot be read; 3 an unexpected error (its type and message are printed); 130 cancelled (Ctrl+C).
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Count == 0 ? error : output).WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Count == 0 ? BadArguments : NoChanges;
        }

        try
        {
            return args[0] switch
            {
                "what-if" => await WhatIfAsync(Options.Parse(args.Skip(1), WhatIfValued, 0), output, cancellationToken).ConfigureAwait(false),
                "diff" => Diff(Options.Parse(args.Skip(1), DiffValued, 2), output),
                _ => throw new UsageException($"Unknown command '{args[0]}'; the commands are what-if and diff."),
            };
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"dotnet complaints: {ex.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("Run 'dotnet complaints --help' for the usage.").ConfigureAwait(false);
            return BadArguments;
        }
        catch (PolicyPackException ex)
        {
            await error.WriteLineAsync($"dotnet complaints: the pack does not load. {ex.Message}").ConfigureAwait(false);
            return BadArguments;
        }
        catch (ComplaintValidationException ex)
        {
            await error.WriteLineAsync($"dotnet complaints: {ex.Message}").ConfigureAwait(false);
            return BadArguments;
        }
        catch (StoreSchemaException ex)
        {
            await error.WriteLineAsync($"dotnet complaints: the database cannot be used. {ex.Message}").ConfigureAwait(false);
            return BadArguments;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("dotnet complaints: cancelled.").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception ex)
        {
            return await FailAsync(ex, error).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An error no command handles: a database, file or permission error is bad input (2, with its message); anything
    /// else is unexpected (3, with its type and message). Never a stack trace.
    /// </summary>
    internal static async Task<int> FailAsync(Exception ex, TextWriter error)
    {
        if (ex is DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"dotnet complaints: cannot read the input ({ex.GetType().Name}: {ex.Message}).").ConfigureAwait(false);
            return BadArguments;
        }

        await error.WriteLineAsync($"dotnet complaints: unexpected error ({ex.GetType().FullName}: {ex.Message}). Please report it.").ConfigureAwait(false);
        return Failed;
    }

    private static readonly string[] WhatIfValued = ["--draft", "--db", "--postgres", "--pack", "--from", "--to", "--format"];

    private static readonly string[] DiffValued = ["--format"];

    private static async Task<int> WhatIfAsync(Options options, TextWriter output, CancellationToken cancellationToken)
    {
        var draftArg = options.Get("--draft") ?? throw new UsageException("what-if needs --draft PACK: the draft pack's folder (or a built-in pack id).");
        var (db, postgres) = (options.Get("--db"), options.Get("--postgres"));
        if ((db is null) == (postgres is null))
        {
            throw new UsageException("what-if needs the store the cases are in: --db FILE (SQLite) or --postgres CONNECTION, one of them.");
        }

        if (db is not null && !File.Exists(db))
        {
            throw new UsageException($"--db: there is no file '{db}'. Name the SQLite file the cases are in (the demo writes complaints-demo.db).");
        }

        var format = Format(options, "text", "markdown", "json");
        var from = Instant(options.Get("--from"), "--from", endOfDay: false);
        var to = Instant(options.Get("--to"), "--to", endOfDay: true);
        var draft = LoadPack(draftArg, "--draft");
        var whatIf = new WhatIfOptions { ReceivedFrom = from, ReceivedTo = to, PackId = options.Get("--pack") };

        WhatIfReport report;
        if (db is not null)
        {
            // Read-only, and no migration: the tool must not create the schema in an unrelated file, nor upgrade a
            // production database ahead of the application.
            var connection = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
            using var store = new SqliteComplaintStore(connection, new SqliteStoreOptions { MigrateSchema = false });
            try
            {
                report = await PolicyWhatIf.RunAsync(store, draft, whatIf, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw new UsageException($"--db: '{db}' cannot be read as a complaints database ({ex.Message}).");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
            }
        }
        else
        {
            PostgreSqlComplaintStore store;
            try
            {
                store = new PostgreSqlComplaintStore(postgres!, new PostgreSqlStoreOptions { MigrateSchema = false });
            }
            catch (ArgumentException ex)
            {
                // Npgsql names the keyword at fault, never the connection string (which may hold a password).
                throw new UsageException($"--postgres: not a valid PostgreSQL connection string ({ex.Message}).");
            }

            await using (store.ConfigureAwait(false))
            {
                report = await PolicyWhatIf.RunAsync(store, draft, whatIf, cancellationToken).ConfigureAwait(false);
            }
        }

        await output.WriteAsync(format switch
        {
            "markdown" => report.ToMarkdown(),
            "json" => report.ToJson() + Environment.NewLine,
            _ => report.ToText(),
        }).ConfigureAwait(false);
        return report.HasChanges || report.Failures.Count > 0 ? ChangesFound : NoChanges;
    }

    private static int Diff(Options options, TextWriter output)
    {
        if (options.Positional.Count != 2)
        {
            throw new UsageException($"diff needs two packs (folders or built-in ids), the earlier first; got {options.Positional.Count}.");
        }

        var format = Format(options, "text", "markdown");
        var before = LoadPack(options.Positional[0], "the first pack");
        var after = LoadPack(options.Positional[1], "the second pack");
        var diff = PackDiff.Compare(before, after);
        output.Write(format == "markdown" ? diff.ToMarkdown() : diff.ToString());
        return diff.IsEmpty ? NoChanges : ChangesFound;
    }

    /// <summary>A folder with a pack.json, or else a built-in pack id.</summary>
    internal static PolicyPack LoadPack(string pack, string what)
    {
        if (Directory.Exists(pack))
        {
            return PolicyPacks.LoadFolder(pack);
        }

        if (PolicyPacks.BuiltIn.Contains(pack, StringComparer.Ordinal))
        {
            return PolicyPacks.LoadBuiltIn(pack);
        }

        throw new UsageException($"{what}: '{pack}' is neither a folder nor a built-in pack ({string.Join(", ", PolicyPacks.BuiltIn)}).");
    }

    private static string Format(Options options, params string[] allowed)
    {
        var format = options.Get("--format") ?? allowed[0];
        return allowed.Contains(format, StringComparer.Ordinal)
            ? format
            : throw new UsageException($"--format: '{format}' is not one of {string.Join(", ", allowed)}.");
    }

    /// <summary>The ISO 8601 instants --from and --to take: with seconds (and a fraction) and an offset, Z or ±hh:mm.</summary>
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>
    /// A date, strictly yyyy-MM-dd (UTC midnight; as an end, the next midnight so the day is included), or an ISO 8601
    /// instant with its offset (Z or ±hh:mm). Nothing looser: 2026-3-31, 03/31/2026 or an instant without an offset
    /// would be read in a culture's or the machine's terms.
    /// </summary>
    internal static DateTimeOffset? Instant(string? text, string option, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        return DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new UsageException($"{option}: '{text}' is not a date (yyyy-MM-dd, e.g. 2026-03-31) or an ISO 8601 instant with an offset (2026-03-02T08:00:00Z or 2026-03-02T16:00:00+08:00).");
    }

    /// <summary>The arguments after the command: options with a value, and positional arguments.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public List<string> Positional { get; } = [];

        public string? Get(string name) => _values.GetValueOrDefault(name);

        public static Options Parse(IEnumerable<string> args, string[] valued, int positional)
        {
            var options = new Options();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                var arg = e.Current;
                if (valued.Contains(arg, StringComparer.Ordinal))
                {
                    if (!e.MoveNext() || string.IsNullOrWhiteSpace(e.Current))
                    {
                        throw new UsageException($"{arg} needs a value.");
                    }

                    if (!options._values.TryAdd(arg, e.Current))
                    {
                        throw new UsageException($"{arg} is given twice.");
                    }
                }
                else if (arg.StartsWith('-'))
                {
                    throw new UsageException($"Unknown option '{arg}'; this command takes {string.Join(", ", valued)}.");
                }
                else if (options.Positional.Count < positional)
                {
                    options.Positional.Add(arg);
                }
                else
                {
                    throw new UsageException($"Unexpected argument '{arg}'.");
                }
            }

            return options;
        }
    }
}

/// <summary>The command line is wrong; the message says what to give instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
