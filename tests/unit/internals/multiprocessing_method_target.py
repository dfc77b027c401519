# a Process whose target is a bound method (q.put) pickles it for the child, as tutorials pass queue methods
import multiprocessing

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=q.put, args=("hello from child",))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode)
