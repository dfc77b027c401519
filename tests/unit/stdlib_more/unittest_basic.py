# unittest.main: dots, F/E/s/x, failure reports with diffs, exit status 1
import unittest

class T(unittest.TestCase):
    def setUp(self):
        self.x = 1
    def test_ok(self):
        self.assertEqual(self.x, 1)
    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_error(self):
        1 / 0
    @unittest.skip("nope")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xf(self):
        self.assertTrue(False)
    def test_dict(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})
    def test_str(self):
        self.assertEqual("hello\nworld\n", "hello\nWorld\n")
    def test_raises(self):
        with self.assertRaises(ValueError):
            pass
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.1)
    def test_in(self):
        self.assertIn(3, [1, 2], "custom")

if __name__ == '__main__':
    unittest.main(argv=["prog"])
