using System.Globalization;
using System.Text;
using Complaints.Demo;
using Spectre.Console;

Console.OutputEncoding = Encoding.UTF8;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Spectre detects a terminal: colours and live progress there; plain text without escape codes in a CI log.
var console = AnsiConsole.Create(new AnsiConsoleSettings());
if (Console.IsOutputRedirected)
{
    // A log is read in a wide window; 80 columns would wrap the timelines' reasons.
    console.Profile.Width = 160;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await DemoApp.RunAsync(args, console, Console.Error, cancel.Token);
