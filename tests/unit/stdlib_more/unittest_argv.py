# unittest.main's command line: -v, -q, -k patterns, test names, bad options (exit 2)
import unittest, sys

class Shapes(unittest.TestCase):
    def test_square(self):
        self.assertEqual(2 * 2, 4)
    def test_circle(self):
        self.assertNotEqual(3.14, 3)
    def test_broken(self):
        raise RuntimeError("boom")

class Other(unittest.TestCase):
    def test_one(self):
        pass

for argv in (['prog', '-v', 'Shapes.test_square', 'Other'], ['prog', '-q', '-k', 'circle'],
             ['prog', '-k', 'test_o*'], ['prog', 'Shapes.test_missing'], ['prog', '-f', 'Shapes'],
             ['prog', 'NoSuchThing']):
    print('---', argv, flush=True)
    try:
        unittest.main(argv=argv)
    except SystemExit as e:
        print('exit', repr(e.code), flush=True)
sys.stderr.flush()
unittest.main(argv=['prog', '--bogus'])
