using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Notifications;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace by convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Checks the settings of the deadline worker and the outbox dispatcher at host start.</summary>
internal sealed class WorkerOptionsValidator(IEnumerable<ConfiguredAt> bound) : IValidateOptions<DeadlineWorkerOptions>, IValidateOptions<OutboxDispatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadlineWorkerOptions options) => Result(ConfiguredAt.Keyed<DeadlineWorkerOptions>(bound, options.Problems()));

    public ValidateOptionsResult Validate(string? name, OutboxDispatcherOptions options) => Result(ConfiguredAt.Keyed<OutboxDispatcherOptions>(bound, options.Problems()));

    private static ValidateOptionsResult Result(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
