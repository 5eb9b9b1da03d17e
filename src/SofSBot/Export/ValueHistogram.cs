using System.Collections;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>
/// How many answered 0, 1, …, 10. Eleven counts stand for any number of answers, so an export's
/// figures take the same memory for 50 answers as for 5 million.
/// </summary>
internal sealed class ValueHistogram
{
    private readonly int[] _counts = new int[RatingScale.Max - RatingScale.Min + 1];

    public int Count { get; private set; }

    public void Add(int value)
    {
        _counts[value - RatingScale.Min]++;
        Count++;
    }

    public void Add(ValueHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The values in ascending order, without storing them (for <see cref="RatingAggregation"/>).</summary>
    public IReadOnlyList<int> Values => new SortedValues(this);

    /// <summary>The share of answers at or above <paramref name="level"/> (0–1); null when there are none.</summary>
    public double? ShareAtOrAbove(int level)
    {
        if (Count == 0)
        {
            return null;
        }

        var atOrAbove = 0;
        for (var value = Math.Max(level, RatingScale.Min); value <= RatingScale.Max; value++)
        {
            atOrAbove += _counts[value - RatingScale.Min];
        }

        return (double)atOrAbove / Count;
    }

    private sealed class SortedValues(ValueHistogram histogram) : IReadOnlyList<int>
    {
        public int Count => histogram.Count;

        public int this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                for (var i = 0; ; i++)
                {
                    if (index < histogram._counts[i])
                    {
                        return i + RatingScale.Min;
                    }

                    index -= histogram._counts[i];
                }
            }
        }

        public IEnumerator<int> GetEnumerator()
        {
            for (var i = 0; i < histogram._counts.Length; i++)
            {
                for (var n = 0; n < histogram._counts[i]; n++)
                {
                    yield return i + RatingScale.Min;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
