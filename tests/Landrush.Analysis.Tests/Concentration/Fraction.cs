using System.Numerics;

namespace Landrush.Analysis.Tests.Concentration;

/// <summary>An exact rational number (BigInteger numerator and denominator): the independent implementation the indices are checked against.</summary>
internal readonly record struct Fraction
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (Numerator, Denominator) = g.IsZero || g.IsOne ? (numerator, denominator) : (numerator / g, denominator / g);
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Zero => new(0, 1);

    public static implicit operator Fraction(long x) => new(x, 1);

    public static Fraction operator +(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>The nearest double, from 60 exact binary digits (no rounding of intermediate sums).</summary>
    public double ToDouble()
    {
        var scaled = BigInteger.Divide(Numerator << 64, Denominator);
        return (double)scaled / Math.Pow(2, 64);
    }
}
