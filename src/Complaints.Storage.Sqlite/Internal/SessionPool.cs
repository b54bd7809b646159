namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The store's idle <see cref="Session"/>s. A call takes one (or opens a new one) and gives it back when done; at most
/// <see cref="MaxIdle"/> are kept, the rest are closed, and so is a <see cref="Session.Broken"/> one.
/// </summary>
internal sealed class SessionPool : IDisposable
{
    /// <summary>Idle sessions kept open at most.</summary>
    public const int MaxIdle = 8;

    private readonly Stack<Session> _idle = new();
    private bool _disposed;

    /// <summary>An idle session, or <see langword="null"/> if there is none (open a new one).</summary>
    public Session? Take()
    {
        lock (_idle)
        {
            return _idle.TryPop(out var session) ? session : null;
        }
    }

    /// <summary>Gives a session back: kept if it is not broken and there is room, else closed.</summary>
    public void Return(Session session)
    {
        if (!session.Broken)
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(session);
                    return;
                }
            }
        }

        session.Dispose();
    }

    /// <summary>Closes the idle sessions; sessions given back later are closed too.</summary>
    public void Dispose()
    {
        Session[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var session in idle)
        {
            session.Dispose();
        }
    }
}
