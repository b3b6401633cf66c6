// An order book: items, orders, discounts, reports. A trailing "missed" comment marks each line main() never reports.
var catalogue = {};
var log = [];

function addItem(sku, name, price, stock) {
  catalogue[sku] = { sku: sku, name: name, price: price, stock: stock };
  return catalogue[sku];
}

function findItem(sku) {
  var item = catalogue[sku];
  if (!item) {
    throw new Error('unknown item ' + sku);
  }
  return item;
}

function removeItem(sku) { // missed
  var item = findItem(sku); // missed
  delete catalogue[sku]; // missed
  return item; // missed
}

function restock(sku, amount) {
  var item = findItem(sku);
  if (amount <= 0) {
    throw new Error('bad amount ' + amount); // missed
  }
  item.stock += amount;
  return item.stock;
}

function discountFor(customer, total) {
  var rate = 0;
  switch (customer.tier) {
    case 'gold':
      rate = 0.2;
      break;
    case 'silver':
      rate = 0.1;
      break;
    case 'bronze':
      rate = 0.05; // missed
      break;
    default:
      rate = 0;
  }
  if (total > 1000) {
    rate += 0.05; // missed
  }
  return Math.round(total * rate * 100) / 100;
}

function makeCounter(prefix) {
  var n = 0;
  return function () {
    n++;
    return prefix + '-' + n;
  };
}

var nextOrderId = makeCounter('ord');
var nextInvoiceId = makeCounter('inv');

function placeOrder(customer, lines) {
  var order = { id: nextOrderId(), customer: customer, lines: [], total: 0 };
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i];
    var item = findItem(line.sku);
    if (item.stock < line.qty) {
      log.push('short ' + item.sku);
      continue;
    }
    item.stock -= line.qty;
    order.lines.push({ sku: item.sku, qty: line.qty, amount: item.price * line.qty });
    order.total += item.price * line.qty;
  }
  order.discount = discountFor(customer, order.total);
  order.due = order.total - order.discount;
  return order;
}

function cancelOrder(order) { // missed
  for (var i = 0; i < order.lines.length; i++) { // missed
    restock(order.lines[i].sku, order.lines[i].qty); // missed
  }
  order.cancelled = true; // missed
  return order; // missed
}

function safePlace(customer, lines) {
  try {
    return placeOrder(customer, lines);
  } catch (e) {
    log.push('failed: ' + e.message);
    return null;
  } finally {
    log.push('attempt by ' + customer.name);
  }
}

function invoice(order) {
  var text = [];
  text.push('Invoice ' + nextInvoiceId() + ' for ' + order.id);
  order.lines.forEach(function (l) {
    text.push(l.sku + ' x' + l.qty + ' = ' + l.amount);
  });
  if (order.discount > 0) {
    text.push('discount ' + order.discount);
  } else {
    text.push('no discount');
  }
  text.push('due ' + order.due);
  return text.join('\n');
}

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function checksum(s) {
  var h = 7;
  for (var i = 0; i < s.length; i++) {
    h = (h * 31 + s.charCodeAt(i)) % 1000003;
  }
  return h;
}

function stockReport() {
  var skus = Object.keys(catalogue).sort();
  var out = [];
  for (var i = 0; i < skus.length; i++) {
    var item = catalogue[skus[i]];
    var flag = item.stock === 0 ? ' (out)' : item.stock < 3 ? ' (low)' : '';
    out.push(item.sku + ': ' + item.stock + flag);
  }
  return out;
}

function average(values) {
  if (values.length === 0) { // missed: Rhino lists this line, but its code jumps past the line change
    return 0; // missed
  }
  var sum = 0;
  var k = 0;
  while (k < values.length) {
    sum += values[k];
    k++;
  }
  return sum / values.length;
}

function classify(order) {
  if (order === null) {
    return 'failed';
  }
  if (order.lines.length === 0) {
    return 'empty';
  }
  if (order.due > 500) { // missed: Rhino lists this line, but its code jumps past the line change
    return 'large'; // missed
  }
  return 'normal';
}

function exportCsv(orders) { // missed
  var rows = ['id,customer,due']; // missed
  orders.forEach(function (o) { // missed
    rows.push([o.id, o.customer.name, o.due].join(',')); // missed
  });
  return rows.join('\n'); // missed
}

function retry(times, action) {
  var lastError = null;
  for (var attempt = 1; attempt <= times; attempt++) {
    try {
      return action(attempt);
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError; // missed
}

function main() {
  addItem('apple', 'Apple', 3, 10);
  addItem('pear', 'Pear', 4, 2);
  addItem('plum', 'Plum', 5, 0);
  addItem('fig', 'Fig', 12, 6);
  restock('plum', 4);

  var alice = { name: 'Alice', tier: 'gold' };
  var bob = { name: 'Bob', tier: 'silver' };
  var carol = { name: 'Carol', tier: 'none' };

  var orders = [];
  orders.push(safePlace(alice, [{ sku: 'apple', qty: 3 }, { sku: 'fig', qty: 2 }]));
  orders.push(safePlace(bob, [{ sku: 'pear', qty: 5 }, { sku: 'plum', qty: 1 }]));
  orders.push(safePlace(carol, [{ sku: 'kiwi', qty: 1 }]));
  orders.push(safePlace(carol, []));

  var invoices = [];
  for (var i = 0; i < orders.length; i++) {
    if (orders[i] !== null) {
      invoices.push(invoice(orders[i]));
    }
  }

  var kinds = orders.map(classify);
  var dues = orders.filter(function (o) { return o !== null; }).map(function (o) { return o.due; });
  var tries = 0;
  var lucky = retry(3, function (attempt) {
    tries++;
    if (attempt < 2) {
      throw new Error('not yet');
    }
    return attempt;
  });

  return [
    kinds.join(' '),
    average(dues),
    fib(10),
    checksum(invoices.join('|')),
    stockReport().join('; '),
    log.join('; '),
    'lucky ' + lucky + ' after ' + tries
  ].join('\n');
}

main();
