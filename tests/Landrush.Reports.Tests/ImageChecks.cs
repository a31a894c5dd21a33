using System.Xml.Linq;
using SkiaSharp;

namespace Landrush.Reports.Tests;

/// <summary>Checks that figure bytes are real images with something drawn on them.</summary>
internal static class ImageChecks
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Decodes the PNG and returns the share of pixels that are not (near) white, and how many colours it has.</summary>
    public static (int Width, int Height, double Ink, int Colors) Png(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(PngSignature), "not a PNG signature");
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        long ink = 0;
        var colors = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235)
                {
                    ink++;
                }

                colors.Add((uint)c);
            }
        }

        return (bitmap.Width, bitmap.Height, (double)ink / (bitmap.Width * bitmap.Height), colors.Count);
    }

    /// <summary>Asserts a figure PNG is a drawn plot: full size, some ink, several colours (text, lines, fills).</summary>
    public static void AssertDrawnPng(byte[] png)
    {
        var (w, h, ink, colors) = Png(png);
        Assert.Equal(960, w);
        Assert.Equal(600, h);
        Assert.InRange(ink, 0.01, 0.95);
        Assert.True(colors >= 8, $"only {colors} colours: a blank or flat image");
    }

    /// <summary>Parses the SVG and returns its root, asserting it is an svg element with many drawn elements.</summary>
    public static XElement AssertDrawnSvg(string svg)
    {
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        var drawn = doc.Descendants().Count(e => e.Name.LocalName is "path" or "rect" or "text" or "image" or "line" or "circle");
        Assert.True(drawn >= 20, $"only {drawn} drawn elements in the SVG");
        return doc.Root;
    }
}
