namespace Landrush.Core.Model.Demand;

/// <summary>
/// Weighted sampling without replacement by Efraimidis and Spirakis (2006): give item i the key
/// ln(U_i)/w_i (the logarithm of U_i^(1/w_i), same order, no underflow) and keep the k largest keys.
/// Taken in descending key order the sample is exactly a sequential weighted draw — first item with
/// probability w_i/Σw, the next among the rest, and so on — which is the order a participant ranks its wishes.
/// One pass, a heap of size k, O(n log k).
/// </summary>
public static class WeightedSampler
{
    /// <summary>
    /// Draws <paramref name="k"/> distinct indices of <paramref name="weights"/> (items with weight 0 are
    /// never drawn; fewer come back if fewer have weight), in draw order.
    /// </summary>
    /// <remarks>Takes the generator, not a seed, so that a caller draws many samples from one stream.</remarks>
    public static int[] Sample(ReadOnlySpan<double> weights, int k, SeededRandom rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        // Min-heap on key of the best k seen so far.
        var keys = new double[k];
        var items = new int[k];
        var size = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!(w > 0))
            {
                continue;
            }

            var key = Math.Log(rng.NextDoubleNonZero()) / w;
            if (size < k)
            {
                keys[size] = key;
                items[size] = i;
                Up(keys, items, size++);
            }
            else if (k > 0 && key > keys[0])
            {
                keys[0] = key;
                items[0] = i;
                Down(keys, items, size);
            }
        }

        // Largest key first.
        var order = new int[size];
        for (var j = size - 1; j >= 0; j--)
        {
            order[j] = items[0];
            keys[0] = keys[j];
            items[0] = items[j];
            Down(keys, items, j);
        }

        return order;
    }

    private static void Up(double[] keys, int[] items, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (keys[parent] <= keys[i])
            {
                return;
            }

            (keys[parent], keys[i]) = (keys[i], keys[parent]);
            (items[parent], items[i]) = (items[i], items[parent]);
            i = parent;
        }
    }

    private static void Down(double[] keys, int[] items, int size)
    {
        var i = 0;
        while (true)
        {
            var l = (2 * i) + 1;
            if (l >= size)
            {
                return;
            }

            var m = l + 1 < size && keys[l + 1] < keys[l] ? l + 1 : l;
            if (keys[i] <= keys[m])
            {
                return;
            }

            (keys[m], keys[i]) = (keys[i], keys[m]);
            (items[m], items[i]) = (items[i], items[m]);
            i = m;
        }
    }
}
