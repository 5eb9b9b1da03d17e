using SofSBot.CardActions;

namespace SofSBot.Routing;

/// <summary>The one shape of every card verb's handler.</summary>
internal delegate Task<CardActionResult> CardActionHandler(CardActionContext context, CancellationToken cancellationToken);
