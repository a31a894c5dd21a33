using Landrush.Core.Whois;

namespace Landrush.Core.Tests.Whois;

/// <summary>The reader recognises every message <see cref="SidnMessages"/> writes, as the class it means.</summary>
public class SidnMessagesTests
{
    public static TheoryData<string, ReplyClass, double?> Messages() => new()
    {
        { SidnMessages.Throttled(), ReplyClass.Throttled, 1.0 },
        { SidnMessages.Throttled(perSecond: 4), ReplyClass.Throttled, 0.25 },
        { SidnMessages.Throttled("whois.example.test", 2), ReplyClass.Throttled, 0.5 },
        { SidnMessages.DailyLimit("192.0.2.1"), ReplyClass.DailyLimit, null },
        { SidnMessages.DailyLimit("2001:db8::1", "whois.example.test"), ReplyClass.DailyLimit, null },
        { SidnMessages.Busy(), ReplyClass.Unavailable, null },
        { SidnMessages.InvalidDomainName, ReplyClass.Unavailable, null },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_is_read_as_what_it_says(string message, ReplyClass expected, double? retryAfterSeconds)
    {
        foreach (var end in new[] { "\r\n", "\n", "" })
        {
            var reply = WhoisParser.Parse(message + end);
            Assert.Equal(expected, reply.Class);
            Assert.Equal(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, reply.RetryAfter);
            Assert.Contains(message, reply.Message, StringComparison.Ordinal);
            Assert.False(reply.IsFact);
        }
    }

    [Fact]
    public void The_messages_are_the_exact_sidn_texts()
    {
        Assert.Equal("whois.domain-registry.nl: only 1 request per second allowed, try again later", SidnMessages.Throttled());
        Assert.Equal("whois.domain-registry.nl: only 3 requests per second allowed, try again later", SidnMessages.Throttled(perSecond: 3));
        Assert.Equal("whois.domain-registry.nl: daily whois-limit exceeded for client 192.0.2.1", SidnMessages.DailyLimit("192.0.2.1"));
        Assert.Equal("whois.domain-registry.nl: Server too busy, try again later", SidnMessages.Busy());
    }
}
