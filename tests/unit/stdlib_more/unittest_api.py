# TestSuite, TextTestRunner, TestResult and every assert* message, used directly
import unittest, sys

class A(unittest.TestCase):
    maxDiff = None
    longMessage = False
    def test_a(self):
        self.assertEqual(1, 2, "short msg")
    def test_b(self):
        self.assertEqual({'k%d' % i: i for i in range(30)}, {'k%d' % i: i + (i == 7) for i in range(30)})
    def runTest(self):
        pass

def f(): pass

suite = unittest.TestSuite()
suite.addTest(A('test_a'))
suite.addTests([A('test_b')])
print(suite.countTestCases(), repr(A('test_a')), str(A('test_a')), A('test_a').id())
print(unittest.TestLoader().getTestCaseNames(A))
runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
res = runner.run(suite)
print(res, res.wasSuccessful(), len(res.failures), res.testsRun)
res = unittest.TestResult()
A('test_a').run(res)
print(res, res.failures[0][1].splitlines()[-1])
prog = unittest.main(exit=False, argv=['prog', 'A.runTest'])
print(prog.result)
ft = unittest.FunctionTestCase(f, description="fdesc")
print(ft, repr(ft.shortDescription()))
try:
    A('nope')
except ValueError as e:
    print(e)
try:
    suite.addTest(A)
except TypeError as e:
    print(e)
try:
    suite.addTest(5)
except TypeError as e:
    print(e)
tc = unittest.TestCase()
for fn, args in [(tc.assertNotEqual, (1, 1)), (tc.assertNotIn, (1, [1])), (tc.assertIsNot, (None, None)),
                 (tc.assertIsNotNone, (None,)), (tc.assertFalse, ([1],)), (tc.assertLessEqual, (3, 2)),
                 (tc.assertGreaterEqual, (1, 2)), (tc.assertNotAlmostEqual, (1.0, 1.00000001)),
                 (tc.assertAlmostEqual, (1.0, 1.5), {'delta': 0.1}), (tc.assertNotRegex, ('abc', 'b')),
                 (tc.assertNotIsInstance, (1, int)), (tc.assertCountEqual, ([[1], [2]], [[2], [2]])),
                 (tc.assertSequenceEqual, ([1, 2], (1, 3))), (tc.assertMultiLineEqual, ('a', 'b')),
                 (tc.assertListEqual, ([1], (1,))), (tc.assertRaises, (ValueError, int, '5')),
                 (tc.assertRaises, (5,)), (tc.assertEqual, ('x' * 200, 'y' * 200)), (tc.fail, ())]:
    kw = {}
    if isinstance(args, tuple) and len(args) and False: pass
    try:
        fn(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    tc.assertAlmostEqual(1.0, 1.5, delta=0.1)
except AssertionError as e:
    print(e)
try:
    with tc.assertRaises(ValueError, msg="mm"):
        pass
except AssertionError as e:
    print(e)
try:
    with tc.assertRaises(ValueError, foo=1):
        pass
except TypeError as e:
    print(e)
with tc.assertRaises(KeyError) as cm:
    {}[1]
print(repr(cm.exception))
