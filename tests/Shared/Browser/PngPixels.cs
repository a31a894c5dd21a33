using SkiaSharp;

namespace Landrush.Testing.Browser;

/// <summary>Decodes a PNG and measures what is drawn on it: a figure or a screenshot that is blank shows here.</summary>
internal static class PngPixels
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Size, the share of pixels that are not (near) white, and how many colours the image has.</summary>
    public static (int Width, int Height, double Ink, int Colors) Measure(byte[] png)
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
}
