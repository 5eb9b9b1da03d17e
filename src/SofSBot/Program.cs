using SofSBot.Bot;
using SofSBot.BotFramework.Hosting;
using SofSBot.Export;
using SofSBot.Hosting;
using SofSBot.Privacy;
using SofSBot.Ratings;
using SofSBot.Roles;
using SofSBot.Routines;
using SofSBot.Scheduling;
using SofSBot.Storage;
using SofSBot.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotFramework();
builder.AddTableStorage();
builder.AddRoles();
builder.AddConversation();
builder.AddScheduling();
builder.AddRoutines();
builder.AddRatings();
builder.AddPrivacy();
builder.AddExport();
builder.AddHealth();
builder.AddTelemetry();

var app = builder.Build();

app.MapHealth("/health");
app.MapBotMessages("/api/messages");

app.Run();

/// <summary>The web app's entry point; public so the test host can start it.</summary>
public partial class Program;
