using Complaints;
using Complaints.AspNetCore;
using Complaints.AspNetCore.Internal;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers what <c>app.MapComplaints(…)</c> needs: JSON, problem details and the actor mapper.</summary>
public static class ComplaintsEndpointsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the complaint endpoints' services: minimal-API JSON as <see cref="ComplaintsJson.Options"/> writes it
    /// (<see cref="AddComplaintsJson"/>), the library's errors as problem details (<see cref="AddComplaintsProblemDetails"/>)
    /// and <see cref="ClaimsActorMapper"/> as the <see cref="IComplaintActorMapper"/> unless one is registered.
    /// The workflow itself comes from <c>services.AddComplaints()</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="claims">Adjusts the claim types the default actor mapper reads.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddComplaintsEndpoints(this IServiceCollection services, Action<ClaimsActorMapperOptions>? claims = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddComplaintsJson().AddComplaintsProblemDetails();
        var options = services.AddOptions<ClaimsActorMapperOptions>();
        if (claims is not null)
        {
            options.Configure(claims);
        }

        services.TryAddSingleton<IComplaintActorMapper, ClaimsActorMapper>();
        return services;
    }

    /// <summary>
    /// Minimal-API JSON (<see cref="JsonOptions"/>) writes the library's types as <see cref="ComplaintsJson.Options"/>
    /// does: their null properties omitted, the library's enums as kebab-case strings, commands with their <c>$type</c>
    /// discriminator — through the library's generated metadata, inserted ahead of the host's resolvers and answering
    /// for the library's types only. The host's own types keep the host's settings: its
    /// <see cref="System.Text.Json.JsonSerializerOptions.DefaultIgnoreCondition"/> (nulls written unless the host says
    /// otherwise), its enums, converters and resolvers; the options' property naming (camelCase by default) is the host's.
    /// The command endpoint reads <c>$type</c> wherever it stands in the object; a host's own endpoint that binds a
    /// command reads it first in the object unless the host sets <c>AllowOutOfOrderMetadataProperties</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddComplaintsJson(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureHttpJsonOptions(static o =>
        {
            var json = o.SerializerOptions;
            if (!json.Converters.Any(c => c is LibraryEnumConverter))
            {
                foreach (var converter in ComplaintsJson.Options.Converters.OfType<JsonConverterFactory>())
                {
                    json.Converters.Add(new LibraryEnumConverter(converter));
                }
            }

            if (!json.TypeInfoResolverChain.Contains(LibraryTypesResolver.Chain[0]))
            {
                for (var i = 0; i < LibraryTypesResolver.Chain.Count; i++)
                {
                    json.TypeInfoResolverChain.Insert(i, LibraryTypesResolver.Chain[i]);
                }
            }
        });
        return services;
    }

    /// <summary>
    /// Every error of the complaint library as RFC 9457 problem details with a stable <c>type</c>
    /// (<see cref="ComplaintProblemTypes"/>): the problem details service, and an <see cref="IExceptionHandler"/> for
    /// <c>app.UseExceptionHandler()</c> that answers the library's errors thrown by the host's own endpoints too — when
    /// the request wants JSON (<c>Accept</c> of <c>application/json</c>, <c>application/problem+json</c> or another
    /// <c>+json</c> type, or no <c>Accept</c>); a page request (<c>text/html</c>, <c>*/*</c>) is left to the host's own
    /// handler, e.g. <c>UseExceptionHandler("/Error")</c>.
    /// (The endpoints <c>MapComplaints</c> maps answer with problems whether or not the host uses the exception handler.)
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddComplaintsProblemDetails(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, ComplaintsExceptionHandler>());
        return services;
    }
}
