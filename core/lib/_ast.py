from ast import *
from ast import AST
