using Complaints.Packaging.Tests.Support;

[assembly: AssemblyFixture(typeof(WorkFolderCleanup))]

namespace Complaints.Packaging.Tests.Support;

/// <summary>
/// Deletes the tests' temporary folders (packages, the fresh app and its NuGet packages folder) after the last test,
/// while the runner still waits, rather than in a process-exit handler the runner would take for a hung thread.
/// Set COMPLAINTS_KEEP_PACKAGING=1 to keep them for a look.
/// </summary>
public sealed class WorkFolderCleanup : IAsyncDisposable
{
    private static readonly List<string> Folders = [];

    /// <summary>Marks <paramref name="folder"/> for deletion after the tests.</summary>
    public static void Register(string folder)
    {
        lock (Folders)
        {
            Folders.Add(folder);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        string[] folders;
        lock (Folders)
        {
            folders = [.. Folders];
            Folders.Clear();
        }

        foreach (var folder in folders)
        {
            if (Environment.GetEnvironmentVariable("COMPLAINTS_KEEP_PACKAGING") == "1")
            {
                Console.WriteLine($"Packaging test files kept in {folder}");
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }
}
