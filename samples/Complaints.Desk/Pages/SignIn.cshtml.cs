using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Complaints.Desk.Pages;

/// <summary>Sign-in without an identity provider: choose one of the demo's people; the cookie carries their claims.</summary>
public sealed class SignInModel : PageModel
{
    public async Task<IActionResult> OnPostAsync(string? person)
    {
        if (People.Find(person) is not { } actor)
        {
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SignedInActor.ToPrincipal(actor, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/SignIn");
    }
}
