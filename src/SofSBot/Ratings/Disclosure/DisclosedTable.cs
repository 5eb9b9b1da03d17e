namespace SofSBot.Ratings.Disclosure;

/// <summary>What may be shown of a table of disjoint groups and of their total, group by group in the order given.</summary>
internal sealed record DisclosedTable(IReadOnlyList<Suppression> Groups, Suppression Total);
