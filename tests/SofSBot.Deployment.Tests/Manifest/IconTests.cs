using SofSBot.Deployment.Tests.Support;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Manifest;

/// <summary>The icons Teams requires: color 192×192, outline 32×32 white on a transparent background.</summary>
public sealed class IconTests
{
    [Fact]
    public void Color_icon_is_192_pixels_square()
    {
        var icon = Load("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void Outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var icon = Load("outline.png");
        var pixels = icon.Pixels.ToList();

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel, "The outline icon needs an alpha channel (colour type 4 or 6).");
        Assert.Contains(pixels, pixel => pixel.A == 0);
        Assert.Contains(pixels, pixel => pixel.A == 255);
        var coloured = pixels.Where(pixel => pixel.A > 0 && (pixel.R, pixel.G, pixel.B) != (255, 255, 255)).ToList();
        Assert.True(coloured.Count == 0, $"{coloured.Count} visible pixels are not white, e.g. {coloured.FirstOrDefault()}.");
    }

    private static PngImage Load(string fileName) =>
        PngImage.Decode(File.ReadAllBytes(RepositoryPaths.Combine("manifest", fileName)));
}
