namespace SofSBot.Commands;

/// <summary>A text command, registered in the command table.</summary>
internal interface IBotCommand
{
    CommandInfo Info { get; }

    Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
