// A folder missing from the layer table (never compiled).
#pragma once
