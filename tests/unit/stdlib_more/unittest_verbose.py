# unittest.main(verbosity=2, argv=["prog"]): one line per test, subtests, fixtures, class-level errors
import unittest, sys, warnings, logging

class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass", cls.__name__)
    @classmethod
    def tearDownClass(cls):
        print("tearDownClass", cls.__name__)
    def test_doc(self):
        """Checks the docstring line.

        More text."""
        self.addCleanup(print, "cleanup 1")
        self.addCleanup(print, "cleanup 2")
    def test_regex(self):
        with self.assertRaisesRegex(ValueError, r"bad \d+"):
            raise ValueError("bad thing")
    def test_regex_ok(self):
        with self.assertRaisesRegex(ValueError, r"bad \d+") as cm:
            int("x")
    def test_callable(self):
        self.assertRaises(TypeError, len, 5)
        self.assertRaises(TypeError, abs, 5)
    def test_warns(self):
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)
        with self.assertWarns(UserWarning):
            pass
    def test_logs(self):
        with self.assertLogs('foo', level='INFO') as cm:
            logging.getLogger('foo').info('first message')
            logging.getLogger('foo.bar').error('second message')
        self.assertEqual(cm.output, ['INFO:foo:first message', 'ERROR:foo.bar:second message'])
    def test_count(self):
        self.assertCountEqual([1, 2, 2, 3], [3, 2, 1, 1])
    def test_nested(self):
        with self.subTest("outer", a=1):
            with self.subTest(b=2):
                self.fail("inner")
    def test_chained(self):
        try:
            {}['k']
        except KeyError:
            raise RuntimeError("wrapped")
    def test_long(self):
        self.assertEqual(list(range(100)), list(range(1, 101)))
    def test_longstr(self):
        self.assertEqual("a" * 100 + "b", "a" * 100 + "c")
    def test_set(self):
        self.assertSetEqual({1, 2}, {2, 3})
    def test_tuple(self):
        self.assertEqual((1, 2), (1, 2, 3))
    def test_none(self):
        self.assertIsNone(5, msg="should be None")
    def test_isinstance(self):
        self.assertIsInstance(3, str)
    def test_deprecated(self):
        self.assertEquals(1, 1)
    @unittest.expectedFailure
    def test_unexpected(self):
        pass
    def test_greater(self):
        self.assertGreater(1, 2)
    def test_is(self):
        self.assertIs([], [])
    def test_regexmatch(self):
        self.assertRegex("hello", "^w")
    def test_skipTest(self):
        self.skipTest("dynamic skip")

class Broken(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("class setup broke")
    def test_never(self):
        pass

class SetupFail(unittest.TestCase):
    def setUp(self):
        raise OSError("no setup")
    def tearDown(self):
        print("not called")
    def test_a(self):
        pass

class TearFail(unittest.TestCase):
    def tearDown(self):
        raise KeyError("td")
    def test_a(self):
        self.assertTrue(0)

@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_a(self): pass
    def test_b(self): pass

class Cond(unittest.TestCase):
    @unittest.skipIf(sys.version_info >= (3,), "py3")
    def test_if(self): pass
    @unittest.skipUnless(False, "never")
    def test_unless(self): pass

if __name__ == '__main__':
    unittest.main(verbosity=2, argv=["prog"])
