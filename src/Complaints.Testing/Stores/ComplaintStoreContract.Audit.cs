using Complaints.Commands;
using Complaints.Ports;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>The access audit part of the contract: what every store that implements <see cref="IAuditLog"/> must do, against <see cref="AuditQuery.Matches"/>.</summary>
public abstract partial class ComplaintStoreContract
{
    private static readonly ActorId[] AuditActors = [new("auditor"), new("handler-1"), new("人事-1")];

    /// <summary>Audit, append then read: round trips every field.</summary>
    [Fact]
    public async Task Audit_AppendThenRead_RoundTripsEveryField()
    {
        var audit = await NewAuditLog();
        var at = new DateTimeOffset(2026, 3, 2, 17, 30, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        var refused = new AuditRecord(
            Guid.CreateVersion7(at), at, new ActorId("handler-2"), AuditKind.Refused, ComplaintAction.Approve,
            ComplaintId.New(at), "Not in the approver's department; \"quoted\", 配送 and 🙂.");
        var read = new AuditRecord(Guid.CreateVersion7(at.AddSeconds(1)), at.AddSeconds(1), new ActorId("auditor"), AuditKind.IdentityRead, ComplaintAction.View, null);

        await audit.AppendAuditAsync(refused);
        await audit.AppendAuditAsync(read);

        var records = await audit.ReadAuditAsync(new AuditQuery());
        records.Should().Equal(refused, read);
        records[0].At.Offset.Should().Be(TimeSpan.FromHours(8), "the record comes back as written");
    }

    /// <summary>Audit, append same id twice: keeps one.</summary>
    [Fact]
    public async Task Audit_AppendSameIdTwice_KeepsOne()
    {
        var audit = await NewAuditLog();
        var record = AuditAt(StoreHarness.Start, AuditActors[0], AuditKind.Refused, null);

        await audit.AppendAuditAsync(record);
        await audit.AppendAuditAsync(record);
        await audit.AppendAuditAsync(record with { Reason = "a retry after a timeout" });

        (await audit.ReadAuditAsync(new AuditQuery())).Should().Equal(record);
    }

    /// <summary>Audit, each filter alone and combined: matches the reference in time then id order.</summary>
    [Fact]
    public async Task Audit_EachFilterAloneAndCombined_MatchesTheReferenceInTimeThenIdOrder()
    {
        var audit = await NewAuditLog();
        var cases = new[] { ComplaintId.New(StoreHarness.Start), ComplaintId.New(StoreHarness.Start.AddMinutes(1)) };
        var records = SeedAudit(cases);
        foreach (var record in records.Reverse())
        {
            await audit.AppendAuditAsync(record);
        }

        var from = StoreHarness.Start.AddMinutes(10);
        var to = StoreHarness.Start.AddMinutes(30);
        AuditQuery[] queries =
        [
            new(),
            new() { ComplaintId = cases[0] },
            new() { ComplaintId = cases[1] },
            new() { Actor = AuditActors[2] },
            new() { Kind = AuditKind.IdentityRead },
            new() { Kind = AuditKind.Refused },
            new() { From = from },
            new() { To = to },
            new() { From = from, To = from, Take = 5 },
            new() { ComplaintId = cases[0], Actor = AuditActors[1], Kind = AuditKind.Refused, From = from, To = to },
            new() { Actor = new ActorId("nobody") },
        ];

        foreach (var query in queries)
        {
            var expected = records.Where(query.Matches).OrderBy(r => r.At.UtcTicks).ThenBy(r => r.Id).Take(query.Take).ToArray();

            (await audit.ReadAuditAsync(query)).Should().Equal(expected, "for {0}", query);
        }

        records.Where(new AuditQuery { From = from, To = from.AddTicks(1) }.Matches).Should().HaveCountGreaterThan(1, "some records share an instant, so the id decides");
    }

    /// <summary>Audit, paged: walks every match once in order.</summary>
    [Fact]
    public async Task Audit_Paged_WalksEveryMatchOnceInOrder()
    {
        var audit = await NewAuditLog();
        var records = SeedAudit([ComplaintId.New(StoreHarness.Start)]);
        foreach (var record in records)
        {
            await audit.AppendAuditAsync(record);
        }

        var pages = new List<AuditRecord>();
        for (var skip = 0; skip < records.Length + 7; skip += 7)
        {
            pages.AddRange(await audit.ReadAuditAsync(new AuditQuery { Kind = AuditKind.Refused, Skip = skip, Take = 7 }));
        }

        pages.Should().Equal(records.Where(r => r.Kind == AuditKind.Refused).OrderBy(r => r.At.UtcTicks).ThenBy(r => r.Id));
    }

    /// <summary>Audit, page out of bounds: is refused.</summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1001, 0)]
    [InlineData(10, -1)]
    public async Task Audit_PageOutOfBounds_IsRefused(int take, int skip)
    {
        var audit = await NewAuditLog();

        var read = () => audit.ReadAuditAsync(new AuditQuery { Take = take, Skip = skip });

        await read.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    private async Task<IAuditLog> NewAuditLog() =>
        await CreateEmptyStoreAsync() as IAuditLog ?? throw new InvalidOperationException("The store must implement IAuditLog.");

    private static AuditRecord AuditAt(DateTimeOffset at, ActorId actor, AuditKind kind, ComplaintId? complaint, string? reason = null) =>
        new(Guid.CreateVersion7(at), at, actor, kind, kind == AuditKind.IdentityRead ? ComplaintAction.View : ComplaintAction.Assign, complaint, reason);

    // 40 records a minute apart, some at one instant written at different offsets, over the actors, kinds and cases.
    private static AuditRecord[] SeedAudit(ComplaintId[] cases) =>
    [
        .. Enumerable.Range(0, 40).Select(i =>
        {
            var at = StoreHarness.Start.AddMinutes(i < 20 ? i : 10).ToOffset(TimeSpan.FromHours(i % 3 - 1));
            var complaint = i % 5 == 4 ? (ComplaintId?)null : cases[i % cases.Length];
            return AuditAt(at, AuditActors[i % AuditActors.Length], i % 2 == 0 ? AuditKind.Refused : AuditKind.IdentityRead, complaint, i % 2 == 0 ? $"refusal {i}" : null);
        }),
    ];
}
