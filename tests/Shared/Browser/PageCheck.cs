namespace Landrush.Testing.Browser;

/// <summary>The browser check of a report page: every image loads, as many as expected, and the screenshot is not blank.</summary>
internal static class PageCheck
{
    /// <summary>What is wrong with the page as Chromium shows it; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(string chromium, string htmlPath, int expectedImages, bool screenshot = true)
    {
        var problems = new List<string>();
        var (images, broken) = HeadlessChromium.ImageStates(chromium, htmlPath);
        if (images != expectedImages)
        {
            problems.Add($"{images} images on the page, {expectedImages} expected");
        }

        if (broken > 0)
        {
            problems.Add($"{broken} of {images} images did not load");
        }

        if (screenshot)
        {
            var (_, _, ink, colors) = PngPixels.Measure(HeadlessChromium.Screenshot(chromium, htmlPath));
            // A page of text alone has ink but few colours; the report's figures bring hundreds.
            if (ink < 0.02 || colors < (expectedImages > 0 ? 64 : 2))
            {
                problems.Add($"the screenshot is blank or nearly so ({100 * ink:0.0}% ink, {colors} colours)");
            }
        }

        return problems;
    }
}
