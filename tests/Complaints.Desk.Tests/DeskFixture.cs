using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Complaints.Desk.Tests;

/// <summary>
/// The desk sample on a real Kestrel port (127.0.0.1, a free one) with a fresh, seeded SQLite file, and one headless
/// Chromium for the test class: Debian's <c>/usr/bin/chromium</c> (or <c>COMPLAINTS_CHROMIUM</c>), never Playwright's
/// own download. Without the browser the tests are skipped with a note; on CI (<c>CI=true</c>) that is a failure.
/// </summary>
public sealed class DeskFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "complaints-desk-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the tests look for the browser.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("COMPLAINTS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here; <see langword="null"/> when they can.</summary>
    public string? SkipReason { get; private set; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's complaint service, for arranging a case before the part of a scenario the test drives in the browser.</summary>
    public ComplaintService Service => _app!.Services.GetRequiredService<ComplaintService>();

    /// <summary>The app's clock: Monday 2 March 2026, 09:00 in China, until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public IComplaintStore Store => _app!.Services.GetRequiredService<IComplaintStore>();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"No browser at {ChromiumPath}: the desk's browser tests need Chromium. Install it with `apt-get install chromium` " +
                "(or set COMPLAINTS_CHROMIUM to a Chromium executable).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(SkipReason + " On CI the browser is required: the tests fail rather than skip.");
            }

            return;
        }

        Directory.CreateDirectory(_folder);
        _app = await DeskApp.BuildAsync([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration[DeskApp.DatabaseKey] = Path.Combine(_folder, "desk.db");
            builder.Logging.ClearProviders();
            // Before the app's services: AddComplaints only adds the system clock when none is registered.
            builder.Services.AddSingleton<TimeProvider>(Clock);
            // The sign-in cookie's keys in memory, not in the user's key ring (whose keys were made on the real clock).
            builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new browser context (its own cookies) and page on the desk; skips the test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await _browser!.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: CI runs every test project at once on 2 cores, beside a native AOT publish.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as the demo person <paramref name="personId"/>, on their desk.</summary>
    public async Task<IPage> SignedInAsync(string personId)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/SignIn");
        await page.ClickAsync($"button[data-person='{personId}']");
        try
        {
            await page.ArriveAsync(BaseUrl.TrimEnd('/') + "/", "#signed-in");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Signing in as {personId} did not reach the desk; the page is at {page.Url}.", e);
        }

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>Waiting for a page the browser was sent to.</summary>
public static class PageArrival
{
    /// <summary>
    /// Waits until the page's address matches <paramref name="url"/> and the element <paramref name="marker"/> (one only
    /// that page has) is in its document. It does not wait for the page's <c>load</c> event: once, on CI, Playwright saw
    /// the desk's address and the network go idle but never reported <c>load</c> for it, and a sign-in timed out at 60 s.
    /// </summary>
    public static Task ArriveAsync(this IPage page, string url, string marker) =>
        ArriveAsync(page, page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit }), marker);

    /// <inheritdoc cref="ArriveAsync(IPage, string, string)"/>
    public static Task ArriveAsync(this IPage page, System.Text.RegularExpressions.Regex url, string marker) =>
        ArriveAsync(page, page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit }), marker);

    private static async Task ArriveAsync(IPage page, Task committed, string marker)
    {
        await committed;
        await page.Locator(marker).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
