namespace Complaints.Demo;

/// <summary>What the demo was asked to do.</summary>
internal enum DemoMode
{
    /// <summary>The scripted day in each industry pack (the default).</summary>
    Scripted,

    /// <summary>Import the CFPB complaint sample under the generic pack.</summary>
    Cfpb,

    /// <summary>Import a CFPB export as history with the packages' importer.</summary>
    Import,

    /// <summary>Print the usage.</summary>
    Help,
}

/// <summary>What matches the packs' rules.</summary>
internal enum DemoEngine
{
    /// <summary>The packs' own compiled evaluator (the default).</summary>
    Default,

    /// <summary>The packs' rules compiled to NRules rule definitions, matched in NRules sessions (Complaints.Rules.NRules).</summary>
    NRules,
}

/// <summary>The demo's command line, parsed.</summary>
internal sealed record DemoOptions
{
    public const string DefaultDb = "complaints-demo.db";

    public const string Usage = """
        Usage: dotnet run --project samples/Complaints.Demo [-- [options]]

        Without --cfpb: a working day in each industry pack (hospital, auto-dealership, tobacco-retail,
        food-service, generic), each case printed as a timeline with the policy's reasons, a summary per
        pack, and the lifecycle diagram written to DIR/lifecycle.mmd (Mermaid) and DIR/lifecycle.dot.
        The cases are kept in a SQLite file; each run adds its cases to it.

        With --cfpb: imports the CFPB complaint sample (2,067 US consumer complaints, 2023) under the
        generic pack with a 15-calendar-day response deadline, and reports how they fared. An export with
        the older column set (e.g. Data/consumer_complaints_2015q1.csv) is imported as history instead.

        With --import: imports a CFPB export (either column set) as history, each row one case with its
        dates, state and outcome, and prints how many rows were imported, already present or rejected.

          --out DIR       where to write the diagrams (default: the current directory)
          --db PATH       the SQLite file to keep the cases in (default: complaints-demo.db here;
                          with --cfpb the default is an in-memory store)
          --reset         delete the SQLite file first
          --cfpb [PATH]   import the CFPB sample (default: the copy shipped in Data/) or another
                          CSV export of the CFPB Consumer Complaint Database
          --import [PATH] import a CFPB export as history (default: the 2023 sample in Data/); with
                          --db, a second run on the same file resumes without duplicates
          --engine NAME   what matches the packs' rules: default (the packs' own evaluator) or
                          nrules (the same rules compiled to NRules; the same decisions)
          --report PATH   at the end, write the analysis of the run as an HTML page with charts at
                          PATH (e.g. report.html), as Markdown beside it (report.md) and as CSV
                          tables in a folder beside it (report-csv/)
          -h, --help      show this help
        """;

    public DemoMode Mode { get; init; } = DemoMode.Scripted;

    public string OutDir { get; init; } = ".";

    /// <summary>The SQLite file; <see langword="null"/> when not given (scripted mode then uses <see cref="DefaultDb"/>).</summary>
    public string? DbPath { get; init; }

    public bool Reset { get; init; }

    /// <summary>The CSV to import with <c>--cfpb</c>; <see langword="null"/> for the shipped sample.</summary>
    public string? CfpbPath { get; init; }

    /// <summary>The CSV to import with <c>--import</c>; <see langword="null"/> for the shipped 2023 sample.</summary>
    public string? ImportPath { get; init; }

    /// <summary>What matches the packs' rules (<c>--engine</c>).</summary>
    public DemoEngine Engine { get; init; } = DemoEngine.Default;

    /// <summary>Where <c>--report</c> writes the HTML page (the Markdown and CSV beside it); <see langword="null"/> for no report.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Parses the arguments; returns the options, or the one-line reason they are wrong.</summary>
    public static (DemoOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new DemoOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith('-') && args[i + 1].Length > 0;
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return (options with { Mode = DemoMode.Help }, null);
                case "--out" when hasValue:
                    options = options with { OutDir = args[++i] };
                    break;
                case "--db" when hasValue:
                    options = options with { DbPath = args[++i] };
                    break;
                case "--reset":
                    options = options with { Reset = true };
                    break;
                case "--cfpb":
                    options = options with { Mode = DemoMode.Cfpb, CfpbPath = hasValue ? args[++i] : null };
                    break;
                case "--import":
                    options = options with { Mode = DemoMode.Import, ImportPath = hasValue ? args[++i] : null };
                    break;
                case "--engine" when hasValue && args[i + 1] is "default" or "nrules":
                    options = options with { Engine = args[++i] == "nrules" ? DemoEngine.NRules : DemoEngine.Default };
                    break;
                case "--report" when hasValue:
                    options = options with { ReportPath = args[++i] };
                    break;
                case "--report":
                    return (null, "--report needs a file path, e.g. --report report.html.");
                case "--engine":
                    return (null, "--engine needs default or nrules.");
                case "--out":
                    return (null, "--out needs a directory.");
                case "--db":
                    return (null, "--db needs a file path.");
                default:
                    return (null, $"Unknown argument: {arg}");
            }
        }

        return (options, null);
    }
}
