using Wharf.Scheduling.Query;
using Xunit;

namespace Wharf.Scheduling.Tests.Query;

public sealed class ClusterQueryParseTests
{
    [Theory]
    [InlineData("attribute:ecs.instance-type == t2.small")]
    [InlineData("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]")]
    [InlineData("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d")]
    [InlineData("task:group == service:production")]
    [InlineData("not(task:group == database)")]
    [InlineData("runningTasksCount == 1")]
    [InlineData("agentVersion < 1.14.5")]
    [InlineData("registeredAt < 2018-02-13")]
    [InlineData("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']")]
    public void Parse_DocumentedExamples_Parses(string expression)
    {
        var parsed = ClusterQuery.Parse(expression);

        Assert.Equal(expression, parsed.Text);
    }

    [Theory]
    [InlineData("attribute:a equals b")]
    [InlineData("attribute:a not_equals b")]
    [InlineData("attribute:a greater_than 1")]
    [InlineData("attribute:a greater_than_equal 1")]
    [InlineData("attribute:a less_than 1")]
    [InlineData("attribute:a less_than_equal 1")]
    [InlineData("attribute:a > 1")]
    [InlineData("attribute:a >= 1")]
    [InlineData("attribute:a <= 1")]
    [InlineData("attribute:a exists")]
    [InlineData("attribute:a !exists")]
    [InlineData("attribute:a not_exists")]
    [InlineData("attribute:a not exists")]
    [InlineData("attribute:a in [x]")]
    [InlineData("attribute:a !in [x, y]")]
    [InlineData("attribute:a not_in [x]")]
    [InlineData("attribute:a not in [x]")]
    [InlineData("attribute:a matches x*")]
    [InlineData("attribute:a !~ x.*")]
    [InlineData("attribute:a not_matches '(x|y)'")]
    [InlineData("attribute:a==b&&attribute:c!=d||attribute:e exists")]
    [InlineData("!attribute:a exists")]
    [InlineData("not not attribute:a exists")]
    [InlineData("((attribute:a == b))")]
    [InlineData("agentConnected == false")]
    [InlineData("agentConnected in [true, false]")]
    [InlineData("registeredAt >= 2018-06-18T22:28:28+00:00")]
    [InlineData("registeredAt > 2018-06-18T22:28:28Z")]
    [InlineData("registeredAt <= 2018-06-18T22:28:28")]
    [InlineData("task:group exists")]
    [InlineData("task:group =~ service:*")]
    [InlineData("attribute:a == \"quoted value\"")]
    [InlineData("  attribute:a   ==   b  ")]
    [InlineData("ATTRIBUTE:a == b AND RunningTasksCount < 3 OR NOT ec2InstanceId == i-1")]
    public void Parse_EveryOperatorForm_Parses(string expression)
    {
        Assert.True(ClusterQuery.TryParse(expression, out var parsed, out var error), error);
        Assert.NotNull(parsed);
    }

    [Theory]
    [InlineData("runningTasksCount", "runningTasksCount == ", 22, "expected a value")]
    [InlineData("trailing operator", "attribute:ecs.instance-type ==", 31, "expected a value")]
    [InlineData("single equals", "attribute:ecs.instance-type = t2.small", 29, "expected an operator")]
    [InlineData("unknown subject", "foo == bar", 1, "unknown subject 'foo'")]
    [InlineData("unclosed paren", "(attribute:a == b", 18, "expected ')'")]
    [InlineData("stray paren", "attribute:a == b)", 17, "unbalanced ')'")]
    [InlineData("two values", "attribute:a == b c", 18, "expected 'and', 'or' or the end")]
    [InlineData("bad date", "registeredAt < yesterday", 16, "expected a date")]
    [InlineData("bad count", "runningTasksCount > many", 21, "expected a whole number")]
    [InlineData("operator not for subject", "ec2InstanceId > i-123", 15, "is not valid for ec2InstanceId")]
    [InlineData("exists on version", "agentVersion exists", 14, "is not valid for agentVersion")]
    [InlineData("list without bracket", "attribute:a in b", 16, "expected '['")]
    [InlineData("empty list slot", "attribute:a in [b, ]", 20, "expected a value")]
    [InlineData("list without comma", "attribute:a in [b c]", 19, "expected ',' or ']'")]
    [InlineData("empty", "", 1, "expected an expression")]
    [InlineData("blank", "   ", 4, "expected an expression")]
    [InlineData("unterminated quote", "attribute:a == 'open", 16, "unterminated quoted value")]
    [InlineData("connective instead of value", "attribute:a == && attribute:b exists", 16, "expected a value")]
    [InlineData("bad boolean", "agentConnected == maybe", 19, "expected true or false")]
    [InlineData("dangling and", "attribute:a exists and", 23, "expected an expression")]
    [InlineData("bang before garbage", "attribute:a !foo", 14, "expected 'exists' or 'in'")]
    [InlineData("lone ampersand", "attribute:a exists & attribute:b exists", 20, "expected 'and', 'or'")]
    [InlineData("attribute without name", "attribute: == x", 1, "unknown subject")]
    public void Parse_Invalid_ErrorNamesPosition(string because, string expression, int position, string reason)
    {
        var error = Assert.Throws<ClusterQueryException>(() => ClusterQuery.Parse(expression));

        Assert.True(position == error.Position, $"{because}: expected position {position}, got {error.Position} ({error.Message})");
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid expression at position {position}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongerThan2000Characters_Refused()
    {
        var expression = "attribute:a == " + new string('x', 1986);

        var error = Assert.Throws<ClusterQueryException>(() => ClusterQuery.Parse(expression));

        Assert.Equal(2001, error.Position);
        Assert.Contains("2000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Exactly2000Characters_Accepted()
    {
        var expression = "attribute:a == " + new string('x', 1985);

        Assert.Equal(2000, expression.Length);
        Assert.NotNull(ClusterQuery.Parse(expression));
    }

    [Fact]
    public void TryParse_Invalid_ReturnsMessage()
    {
        Assert.False(ClusterQuery.TryParse("attribute:a ==", out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal("Invalid expression at position 15: expected a value", error);
    }

    [Theory]
    [InlineData("attribute:a == b or attribute:c == d and attribute:e == f", "(a or (c and e))")]
    [InlineData("(attribute:a == b or attribute:c == d) and attribute:e == f", "((a or c) and e)")]
    [InlineData("not attribute:a == b and attribute:c == d", "(not a and c)")]
    [InlineData("attribute:a == b || attribute:c == d && attribute:e == f", "(a or (c and e))")]
    public void Parse_Precedence_OrLoosestThenAndThenNot(string expression, string shape)
    {
        var root = ClusterQuery.Parse(expression).Root;

        Assert.Equal(shape, Shape(root));
    }

    [Theory]
    [InlineData("task:group == g", true)]
    [InlineData("runningTasksCount < 3", true)]
    [InlineData("attribute:a == b", false)]
    [InlineData("attribute:a == b and not task:group == g", true)]
    [InlineData("registeredAt < 2018-02-13 or ec2InstanceId == i-1", false)]
    public void IsDynamic_ReadsPlacementState_True(string expression, bool dynamic)
    {
        Assert.Equal(dynamic, ClusterQuery.Parse(expression).IsDynamic);
    }

    private static string Shape(QueryNode node) => node switch
    {
        AndNode a => $"({Shape(a.Left)} and {Shape(a.Right)})",
        OrNode o => $"({Shape(o.Left)} or {Shape(o.Right)})",
        NotNode n => $"not {Shape(n.Operand)}",
        ComparisonNode c => c.AttributeName ?? c.Subject.ToString(),
        _ => "?",
    };
}
