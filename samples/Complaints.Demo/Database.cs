namespace Complaints.Demo;

/// <summary>The demo's SQLite file: checked before use, so that a bad path is one line, not a stack trace.</summary>
internal static class Database
{
    /// <summary>Checks <paramref name="path"/> can be a SQLite file, deletes it first with <paramref name="reset"/>; returns its full path.</summary>
    public static string Prepare(string path, bool reset)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException("it is a directory; give a file path.");
        }

        var folder = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException e)
        {
            throw new IOException($"its folder {folder} cannot be created: {e.Message}", e);
        }
        if (reset)
        {
            foreach (var file in new[] { full, full + "-wal", full + "-shm" })
            {
                File.Delete(file);
            }
        }

        return full;
    }
}
