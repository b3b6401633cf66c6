// The RhinoBenchmark workload: calls, loops, closures, strings, objects and a caught exception per pass.
function fib(n) {
  if (n < 2) {
    return n;
  }
  return fib(n - 1) + fib(n - 2);
}

function histogram(words) {
  var counts = {};
  for (var i = 0; i < words.length; i++) {
    var w = words[i];
    counts[w] = (counts[w] || 0) + 1;
  }
  return counts;
}

function adder(k) {
  return function (x) {
    return x + k;
  };
}

function parse(text) {
  try {
    if (text.length === 0) {
      throw new Error('empty');
    }
    return text.split(' ');
  } catch (e) {
    return [];
  }
}

function pass(seed) {
  var total = fib(12);
  var words = parse('the quick brown fox jumps over the lazy dog the end');
  var counts = histogram(words);
  var add = adder(seed);
  for (var j = 0; j < 50; j++) {
    total = add(total) % 100003;
  }
  total += parse('').length;
  return total + counts['the'];
}

pass(7);
