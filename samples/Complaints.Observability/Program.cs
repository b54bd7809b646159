using Complaints.Observability;

return await ObservabilitySample.RunAsync(args, Console.Out);
