using Complaints.Analysis;
using Complaints.Journal;
using Complaints.Ports;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// Recurrence when cases are not saved in receipt order or change their keys after a later case was saved: a store that
/// keeps the gap to the previous case with the same key (rather than looking back at report time) must update the
/// next case's gap too.
/// </summary>
public abstract partial class ComplaintAnalyticsContract
{
    /// <summary>
    /// Analyse, an older case saved after a newer one with the same complainant and subject: the newer case now repeats
    /// it, though it was saved first (an import of older history does this); a case received before both is unaffected.
    /// </summary>
    [Fact]
    public async Task Analyse_OlderCaseSavedAfterNewerOnes_MakesTheNextOneARepeat()
    {
        var store = await CreateEmptyStoreAsync();
        var analytics = AnalyticsOf(store);
        var saved = new List<(Complaint Case, IReadOnlyList<JournalEntry> Journal)>();
        Complaint From(int day) => A.Complaint().ReceivedAt(At(3, day, 9)).UnderPolicy(Generic).From("Zhou Min", customerId: "C-900")
            .AboutProduct("Kettle").Classified("product-quality", Severity.General).RoutedTo("after-sales").InState(ComplaintState.Investigating).Build();

        // B on 10 March and D on 30 March: 20 days apart, beyond a week's look-back.
        saved.Add(await SaveAsync(store, From(10), []));
        saved.Add(await SaveAsync(store, From(30), []));
        var week = MarchQuery with { RecurrenceDays = 7, AsOf = April };
        var before = await analytics.AnalyseAsync(week);
        before.Recurrence.Should().Be(new RecurrenceFigures(7, 0, 0, 0), "B and D are 20 days apart");

        // A on 25 March, saved last: D now repeats A (five days before it); B, received before A, does not.
        saved.Add(await SaveAsync(store, From(25), []));

        var after = await analytics.AnalyseAsync(week);

        after.Recurrence.Should().Be(new RecurrenceFigures(7, 1, 1, 0), "D repeats A, saved after it, within the week: the same complainant and subject");
        after.Should().BeEquivalentTo(Reference(week, saved), o => o.WithStrictOrdering());
        (await analytics.AnalyseAsync(week with { RecurrenceDays = 30 })).Recurrence
            .Should().Be(new RecurrenceFigures(30, 2, 2, 0), "within 30 days A repeats B and D repeats A");
    }

    /// <summary>
    /// Analyse, a case whose findings name a cause after a later case with the same department and cause was saved: the
    /// later case now repeats it; when the earlier case's findings are revised to another cause, the later one repeats
    /// nothing again.
    /// </summary>
    [Fact]
    public async Task Analyse_CauseSetOrChangedAfterALaterCase_UpdatesTheLaterCasesRecurrence()
    {
        var store = await CreateEmptyStoreAsync();
        var analytics = AnalyticsOf(store);
        var query = MarchQuery with { AsOf = April };

        // E on 3 March, no findings yet; F on 6 March (another complainant and subject), found a product defect.
        var e = A.Complaint().ReceivedAt(At(3, 3, 9)).UnderPolicy(Generic).From("Qian Hui", customerId: "C-901").AboutProduct("Toaster")
            .Classified("product-quality", Severity.General).RoutedTo("after-sales").InState(ComplaintState.Investigating).Build();
        var (savedE, journalE) = await SaveAsync(store, e, []);
        var f = await SaveAsync(store, A.Complaint().ReceivedAt(At(3, 6, 9)).UnderPolicy(Generic).From("Sun Yu", customerId: "C-902")
            .AboutProduct("Blender").Classified("product-quality", Severity.General).RoutedTo("after-sales")
            .WithFindings(FindingOutcome.Substantiated, RootCause.ProductDefect).InState(ComplaintState.Investigating).Build(), []);
        (await analytics.AnalyseAsync(query)).Recurrence.SameCause.Should().Be(0, "E has no findings yet");

        // E's findings: the same department and cause, three days before F.
        var found = savedE with { Version = savedE.Version + 1, UpdatedAt = savedE.UpdatedAt.AddDays(5), Findings = new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "电热丝缺陷") };
        var foundEntry = Entry(found, found.Version, new FindingsRecorded(found.Findings!), savedE.State);
        await store.SaveAsync(new CaseChange(found, [foundEntry], savedE.Version));

        var withCause = await analytics.AnalyseAsync(query);

        withCause.Recurrence.SameCause.Should().Be(1, "F repeats E's cause in the same department, found after F was saved");
        withCause.Should().BeEquivalentTo(Reference(query, [(found, [.. journalE, foundEntry]), f]), o => o.WithStrictOrdering());

        // E's findings revised to staff error: F, a product defect, repeats nothing.
        var moved = found with { Version = found.Version + 1, UpdatedAt = found.UpdatedAt.AddDays(1), Findings = found.Findings! with { Cause = RootCause.StaffError } };
        var movedEntry = Entry(moved, moved.Version, new FindingsRecorded(moved.Findings!), found.State);
        await store.SaveAsync(new CaseChange(moved, [movedEntry], found.Version));

        var afterMove = await analytics.AnalyseAsync(query);

        afterMove.Recurrence.SameCause.Should().Be(0, "E's cause is no longer F's, so F has no earlier case with its department and cause");
        afterMove.Should().BeEquivalentTo(Reference(query, [(moved, [.. journalE, foundEntry, movedEntry]), f]), o => o.WithStrictOrdering());
    }

    /// <summary>
    /// Analyse, a case saved again with a later receipt, at the same instant as a case that repeated it: neither repeats
    /// the other any more (an earlier case is one received strictly before), whichever of the two was saved first. A store
    /// saves what it is given; an import correcting a receipt does this.
    /// </summary>
    [Fact]
    public async Task Analyse_CaseMovedToTheReceiptOfOneThatRepeatedIt_NeitherRepeats()
    {
        var store = await CreateEmptyStoreAsync();
        var analytics = AnalyticsOf(store);
        var query = MarchQuery with { RecurrenceDays = 7, AsOf = April };
        Complaint From(int day) => A.Complaint().ReceivedAt(At(3, day, 9)).UnderPolicy(Generic).From("Zhou Min", customerId: "C-903")
            .AboutProduct("Kettle").Classified("product-quality", Severity.General).RoutedTo("after-sales").InState(ComplaintState.Investigating).Build();

        // C on 1 March, saved first; B on 3 March repeats it.
        var (c, journalC) = await SaveAsync(store, From(1), []);
        var b = await SaveAsync(store, From(3), []);
        (await analytics.AnalyseAsync(query)).Recurrence.Should().Be(new RecurrenceFigures(7, 1, 1, 0), "B repeats C two days later");

        // C's receipt corrected to 3 March, B's instant.
        var moved = c with { Version = c.Version + 1, UpdatedAt = c.UpdatedAt.AddDays(5), ReceivedAt = b.Final.ReceivedAt };
        var movedEntry = Entry(moved, moved.Version, new AccusedHeard("受理时间以系统记录为准"), c.State);
        await store.SaveAsync(new CaseChange(moved, [movedEntry], c.Version));

        var after = await analytics.AnalyseAsync(query);

        after.Recurrence.Should().Be(new RecurrenceFigures(7, 0, 0, 0), "C and B are received at the same instant: neither is strictly earlier");
        after.Should().BeEquivalentTo(Reference(query, [(moved, [.. journalC, movedEntry]), b]), o => o.WithStrictOrdering());
    }

    private static PeriodAnalysis Reference(AnalysisQuery query, IReadOnlyList<(Complaint Case, IReadOnlyList<JournalEntry> Journal)> saved) =>
        PeriodAnalysis.Compute(query, [.. saved.Select(s => s.Case)], id => saved.Single(s => s.Case.Id == id).Journal);
}
