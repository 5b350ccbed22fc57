"""The `kg` command line: the composition root that wires graph/, api/ and viz/ together.

It sits outside graph/ so that the arrows stay one-way: api -> graph, viz -> graph, kg -> all three.
"""
