# unittest output interleaved with print(), buffer=True capturing, errors with chained exceptions, unexpected success
import unittest, sys

class Talky(unittest.TestCase):
    def test_prints(self):
        print("printed by a passing test")
    def test_prints_and_fails(self):
        print("output of a failing test")
        print("to stderr", file=sys.stderr)
        self.assertEqual("abc", "abd")
    def test_chain(self):
        try:
            int("nope")
        except ValueError as e:
            raise KeyError("lookup") from e
    @unittest.expectedFailure
    def test_works(self):
        self.assertTrue(True)
    def test_nested_call(self):
        def helper(x):
            return x[5]
        helper([1, 2])

for buffer in (False, True):
    print("=== buffer", buffer, flush=True)
    runner = unittest.TextTestRunner(stream=sys.stdout, buffer=buffer)
    result = runner.run(unittest.defaultTestLoader.loadTestsFromTestCase(Talky))
    sys.stdout.flush()
print(len(result.errors), len(result.failures), len(result.unexpectedSuccesses))
unittest.main(argv=['prog'], exit=False, verbosity=0)
