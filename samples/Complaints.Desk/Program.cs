using Complaints.Desk;

var app = await DeskApp.BuildAsync(args);
await app.RunAsync();
