using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// A decoded PNG (8-bit greyscale-alpha, RGB or RGBA, not interlaced; what icon tools write),
/// read with the framework's zlib so the icon tests need no image library.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>2 = RGB, 4 = greyscale with alpha, 6 = RGB with alpha.</summary>
    public byte ColorType { get; }

    public bool HasAlphaChannel => ColorType is 4 or 6;

    /// <summary>Every pixel as (R, G, B, A).</summary>
    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels =>
        Enumerable.Range(0, Width * Height).Select(i => (_rgba[i * 4], _rgba[i * 4 + 1], _rgba[i * 4 + 2], _rgba[i * 4 + 3]));

    public static PngImage Decode(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Signature), "Not a PNG file (no PNG signature).");
        int width = 0, height = 0;
        byte colorType = 0;
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]); // bit depth
                    colorType = data[9];
                    Assert.Contains(colorType, new byte[] { 2, 4, 6 });
                    Assert.Equal(0, data[12]); // not interlaced
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return new PngImage(width, height, colorType, ToRgba(Unfilter(raw.ToArray(), width, height, BytesPerPixel(colorType)), colorType));
    }

    private static int BytesPerPixel(byte colorType) => colorType switch { 2 => 3, 4 => 2, _ => 4 };

    // PNG filters each scanline with one of five filters against the pixel to the left and the line above.
    private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = data[y * (stride + 1) + 1 + x];
                int left = x >= bpp ? pixels[y * stride + x - bpp] : 0;
                int up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int upLeft = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter}."),
                };
                pixels[y * stride + x] = (byte)(value + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, byte colorType)
    {
        var bpp = BytesPerPixel(colorType);
        var rgba = new byte[pixels.Length / bpp * 4];
        for (int i = 0, o = 0; i < pixels.Length; i += bpp, o += 4)
        {
            (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = colorType switch
            {
                2 => (pixels[i], pixels[i + 1], pixels[i + 2], (byte)255),
                4 => (pixels[i], pixels[i], pixels[i], pixels[i + 1]),
                _ => (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]),
            };
        }

        return rgba;
    }
}
