using Spectre.Console;

namespace Complaints.Demo.Tests;

/// <summary>A Spectre console writing plain text (no colours, no escape codes, no live rendering) into a string, as in a CI log.</summary>
internal sealed class TestConsole : IDisposable
{
    private readonly StringWriter _out = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_out),
        });
        Console.Profile.Width = 160;
    }

    public IAnsiConsole Console { get; }

    public string Output => _out.ToString();

    public void Dispose() => _out.Dispose();
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "complaints-demo-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned up by the system.
        }
    }
}
