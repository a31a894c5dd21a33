using System.Xml.Linq;
using Landrush.Testing.Browser;

namespace Landrush.Reports.Tests;

/// <summary>Checks that figure bytes are real images with something drawn on them.</summary>
internal static class ImageChecks
{
    /// <summary>Asserts a figure PNG is a drawn plot: full size, some ink, several colours (text, lines, fills).</summary>
    public static void AssertDrawnPng(byte[] png)
    {
        var (w, h, ink, colors) = PngPixels.Measure(png);
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
