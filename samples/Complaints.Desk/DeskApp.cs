using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Complaints.AspNetCore;
using Complaints.Demo;
using Complaints.Ports;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Complaints.Desk;

/// <summary>
/// The desk's web application: the complaint service over the demo's packs on a SQLite file (created and seeded on
/// first start), cookie sign-in as one of the demo's people, and the pages. Separate from <c>Program</c> so that the
/// browser tests start it in their own process on a free port with their own database.
/// </summary>
internal static class DeskApp
{
    /// <summary>The configuration key of the SQLite file (default: <c>complaints-desk.db</c> under the content root).</summary>
    public const string DatabaseKey = "Desk:Database";

    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-CN")];

    /// <summary>Builds the app; <paramref name="configure"/> (tests) changes the builder before the services are added.</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The pages are compiled into this assembly; under a test host the entry assembly is the test runner.
            ApplicationName = typeof(DeskApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        var database = Path.GetFullPath(builder.Configuration[DatabaseKey] ?? Path.Combine(builder.Environment.ContentRootPath, "complaints-desk.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        builder.Services.AddComplaints().UsePacks(Cases.AddPacks).UseSqlite($"Data Source={database}");
        // The HTTP API beside the pages (Complaints.AspNetCore): the same service, the same signed-in person.
        builder.Services.AddComplaintsEndpoints();
        builder.Services.AddSingleton<DeskSeed>();
        builder.Services.AddSingleton<UrgencyJudge>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/SignIn";
                o.AccessDeniedPath = "/SignIn";
                o.Cookie.Name = "complaints-desk";
            });
        builder.Services.AddAuthorization();
        // Chinese text written as text, not as character references.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Error");
        });

        var app = builder.Build();
        app.UseExceptionHandler("/Error");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapComplaints("/api/complaints");
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), new CookieOptions { IsEssential = true, HttpOnly = true });
            // Only a path on this site (not "//host" or "/\\host"), else the desk.
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

        // Creates (or opens) the file and seeds it once, through the service, before the first request.
        await app.Services.GetRequiredService<DeskSeed>().SeedIfEmptyAsync(CancellationToken.None);
        return app;
    }

    /// <summary>Whether <paramref name="url"/> is a path on this site, as ASP.NET Core's <c>IUrlHelper.IsLocalUrl</c> judges it.</summary>
    internal static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
