# unittest fixtures: setUpModule, setUpClass/tearDownClass, addCleanup order, doCleanups, enterContext, failfast
import unittest, sys, contextlib

log = []

def setUpModule():
    log.append('setUpModule')

def tearDownModule():
    log.append('tearDownModule')

class First(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass First')
        cls.addClassCleanup(log.append, 'class cleanup First')
    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass First')
    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup A ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup B ' + self._testMethodName)
    def tearDown(self):
        log.append('tearDown ' + self._testMethodName)
    def test_1(self):
        log.append('test_1')
    def test_2(self):
        @contextlib.contextmanager
        def cm():
            log.append('enter cm')
            yield 42
            log.append('exit cm')
        self.assertEqual(self.enterContext(cm()), 42)
        log.append('test_2')

class Second(unittest.TestCase):
    def test_cleanup_error(self):
        def bad():
            raise ValueError("cleanup failed")
        self.addCleanup(bad)
    def test_fails(self):
        self.assertTrue(False, "first failure")
    def test_zzz(self):
        log.append('not reached with failfast')

class TearDownClassError(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise RuntimeError("teardown class failed")
    def test_x(self):
        pass

result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(
    unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
print(result)
print('\n'.join(log))
log.clear()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Second)
result = unittest.TextTestRunner(stream=sys.stdout, failfast=True).run(suite)
print(result, result.shouldStop, log)
