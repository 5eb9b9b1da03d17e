using System.Text;

namespace SofSBot.Storage;

/// <summary>
/// Makes Teams ids safe as PartitionKey and RowKey. Table keys may not contain '/', '\', '#', '?' or
/// control characters; Teams ids (<c>19:…@thread.tacv2</c>, <c>29:…</c>) are otherwise kept readable,
/// and the escape is reversible so keys sort and compare like the ids themselves.
/// </summary>
internal static class TableKey
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? escaped = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var unsafeChar = c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
            if (unsafeChar && escaped is null)
            {
                escaped = new StringBuilder(value.Length + 8).Append(value, 0, i);
            }

            if (unsafeChar)
            {
                escaped!.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? value;
    }

    public static string Unescape(string key) => Uri.UnescapeDataString(key);
}
